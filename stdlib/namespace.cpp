// types.SimpleNamespace: the layout is a plain instance (header + __dict__),
// so attribute access is object's generic algorithm; the type adds keyword
// initialisation, the `namespace(a=1)` repr and equality by __dict__.
#include "stdlib/namespace.hpp"

#include <cstddef>
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module_state.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value* ns_dict_slot(Value self) {
    return &reinterpret_cast<InstanceObject*>(self.as_object())->dict;
}

Value ns_new(ThreadState& ts, TypeObject* type, Args) {
    Object* o = alloc_gc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    Value self = Value::object(o);
    Value d = dict_new(ts);
    if (d.is_null()) {
        decref(self);
        return d;
    }
    *ns_dict_slot(self) = d;
    return self;
}

int ns_init(ThreadState& ts, Value self, Args args) {
    if (args.n != 0) {
        raise(ts, ts.exc_types().TypeError, "no positional arguments expected");
        return -1;
    }
    uint32_t nk = args.kw_count();
    for (uint32_t i = 0; i < nk; ++i) {
        if (obj_setattr(ts, self, args.kwnames->items[i], args.v[args.n + i]) < 0) return -1;
    }
    return 0;
}

Value ns_repr(ThreadState& ts, Value self) {
    TypeObject* t = type_of(ts, self);
    std::string out =
        t == simple_namespace_type(ts.interp()) ? "namespace" : std::string(str_view(t->name));
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, out + "(...)");
    out += '(';
    Value d = *ns_dict_slot(self);
    if (!d.is_null()) {
        Ref items(dict_keys_list(ts, d));
        if (!items) return Value();
        bool first = true;
        for (uint64_t i = 0; i < list_size(*items); ++i) {
            Value key = list_item(*items, i);
            Value v = dict_get_str(d, key);
            if (v.is_null() || !is_str(ts, key)) continue;
            Ref keep = Ref::borrow(v);
            Ref r(obj_repr(ts, v));
            if (!r) return Value();
            if (!first) out += ", ";
            first = false;
            out += str_view(key);
            out += '=';
            out += str_view(*r);
        }
    }
    out += ')';
    return make_str(ts, out);
}

Value ns_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    TypeObject* nt = simple_namespace_type(ts.interp());
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !type_is_subtype(type_of(ts, b), nt)) {
        return Value::not_implemented();
    }
    Value da = *ns_dict_slot(a), db = *ns_dict_slot(b);
    if (da.is_null() || db.is_null()) return Value::boolean((da == db) == (op == CompareOp::Eq));
    return rich_compare(ts, da, db, op);
}

}  // namespace

TypeObject* simple_namespace_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "types.SimpleNamespace", [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, "SimpleNamespace", ObjKind::Native, sizeof(InstanceObject),
                               interp.types.object, kTypeBaseType | kTypeHasGc);
        t->hdr.type = interp.types.type;
        t->dict_offset = offsetof(InstanceObject, dict);
        t->new_ = ns_new;
        t->init = ns_init;
        t->repr = ns_repr;
        t->richcompare = ns_richcompare;
        t->hash = hash_not_implemented;
        Ref mod(interp.intern("types"));
        type_set_attr_cstr(interp, t, "__module__", *mod);
        type_ready(interp, t);
        // Non-owning: the type lives as long as the interpreter's builtin types.
    });
}

Value make_namespace(ThreadState& ts, Value attrs) {
    TypeObject* t = simple_namespace_type(ts.interp());
    Ref ns(ns_new(ts, t, Args{}));
    if (!ns) return Value();
    if (!attrs.is_null() && !dict_update(ts, *ns_dict_slot(*ns), attrs)) return Value();
    return ns.release();
}

}  // namespace gilt
