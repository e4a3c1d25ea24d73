// types.GenericAlias: what `list[int]` evaluates to. Annotations such as
// `x: list[int]` are evaluated at module and class level (as in CPython
// without `from __future__ import annotations`), so builtin generics must
// subscript. The alias reprs as `list[int]` and calls through to its origin.
#include <cstddef>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/union_type.hpp"

namespace gilt {

namespace {

struct GenericAliasObject {
    Object hdr;
    Value origin;  // the class subscripted
    Value args;    // tuple
};

GenericAliasObject* ga(Value v) {
    return reinterpret_cast<GenericAliasObject*>(v.as_object());
}

Value make_alias(ThreadState& ts, Value origin, Value item) {
    auto* a = alloc_gc<GenericAliasObject>(ts.types().generic_alias);
    if (!a) return raise_memory_error(ts);
    a->origin = new_ref(origin);
    a->args = is_exact_tuple(ts, item) ? new_ref(item) : tuple_pack(ts, {item});
    return val(a);
}

// types.GenericAlias(origin, args): how a Python-written class makes its
// own `__class_getitem__ = classmethod(types.GenericAlias)`.
Value alias_new(ThreadState& ts, TypeObject*, Args args) {
    if (!no_kwargs(ts, args, "GenericAlias") || !check_nargs(ts, args, "GenericAlias", 2, 2))
        return Value();
    return make_alias(ts, args[0], args[1]);
}

Value class_getitem(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__class_getitem__", 2, 2)) return Value();
    return make_alias(ts, args[0], args[1]);
}

std::string arg_repr(ThreadState& ts, Value v) {
    if (v.is_ellipsis()) return "...";
    if (v.is_object() && v.as_object()->kind == ObjKind::Type) {
        auto* t = reinterpret_cast<TypeObject*>(v.as_object());
        Value mod = type_lookup(t, ts.names().__module__);
        if (!mod.is_null() && is_str(ts, mod) && str_view(mod) != "builtins")
            return fmt::format("{}.{}", str_view(mod), str_view(t->qualname));
        return std::string(str_view(t->qualname));
    }
    Ref r(obj_repr(ts, v));
    if (!r) {
        clear_exception(ts);
        return "?";
    }
    return std::string(str_view(*r));
}

Value alias_repr(ThreadState& ts, Value self) {
    std::string out = arg_repr(ts, ga(self)->origin) + "[";
    Value args = ga(self)->args;
    for (uint64_t i = 0; i < tuple_size(args); ++i) {
        if (i) out += ", ";
        out += arg_repr(ts, tuple_item(args, i));
    }
    if (tuple_size(args) == 0) out += "()";
    return make_str(ts, out + "]");
}

// list[T][int]: the alias with its type variables replaced.
Value alias_getitem(ThreadState& ts, Value self, Value items) {
    Ref args(substitute_type_parameters(ts, self, ga(self)->args, items));
    if (!args) return Value();
    return make_alias(ts, ga(self)->origin, *args);
}

Value alias_call(ThreadState& ts, Value self, Args args) {
    return obj_call(ts, ga(self)->origin, args);
}

Value alias_getattr(ThreadState& ts, Value self, Value name) {
    std::string_view n = str_view(name);
    if (n == "__origin__") return new_ref(ga(self)->origin);
    if (n == "__args__") return new_ref(ga(self)->args);
    if (n == "__parameters__") return make_type_parameters(ts, ga(self)->args);
    Value r = generic_getattr(ts, self, name);
    if (!r.is_null() || !exception_matches(ts, ts.exc_types().AttributeError)) return r;
    clear_exception(ts);
    return obj_getattr(ts, ga(self)->origin, name);
}

Value alias_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !b.is_object() ||
        b.as_object()->type != a.as_object()->type)
        return Value::not_implemented();
    int same = rich_compare_bool(ts, ga(a)->origin, ga(b)->origin, CompareOp::Eq);
    if (same < 0) return Value();
    if (same) same = rich_compare_bool(ts, ga(a)->args, ga(b)->args, CompareOp::Eq);
    if (same < 0) return Value();
    return Value::boolean((same != 0) == (op == CompareOp::Eq));
}

bool alias_hash(ThreadState& ts, Value self, int64_t* out) {
    int64_t h1, h2;
    if (!obj_hash(ts, ga(self)->origin, &h1) || !obj_hash(ts, ga(self)->args, &h2)) return false;
    *out = (h1 ^ h2) == -1 ? -2 : (h1 ^ h2);
    return true;
}

void alias_dealloc(Object* o) {
    clear_ref(reinterpret_cast<GenericAliasObject*>(o)->origin);
    clear_ref(reinterpret_cast<GenericAliasObject*>(o)->args);
    free_object(o);
}

void alias_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* a = reinterpret_cast<GenericAliasObject*>(o);
    if (!a->origin.is_null()) visit(a->origin, ctx);
    if (!a->args.is_null()) visit(a->args, ctx);
}

constexpr MethodDef kClassGetItem[] = {{"__class_getitem__", class_getitem, kMethodClass}};

}  // namespace

void define_generic_alias_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(GenericAliasObject);
    t->flags |= kTypeHasGc;
    t->dealloc = alias_dealloc;
    t->traverse = alias_traverse;
    t->new_ = alias_new;
    t->repr = alias_repr;
    t->call = alias_call;
    t->getitem = alias_getitem;
    t->getattr = alias_getattr;
    t->richcompare = alias_richcompare;
    t->hash = alias_hash;
    BuiltinTypes& b = interp.types;
    for (TypeObject* generic : {b.list, b.dict, b.tuple, b.set, b.frozenset, b.type, b.dict_keys,
                                b.dict_values, b.dict_items, b.enumerate})
        type_add_methods(interp, generic, kClassGetItem);
}

}  // namespace gilt
