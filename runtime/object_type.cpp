// `object`, the root of every class: instance creation, identity-based
// hash/equality, default repr, and the generic attribute algorithm
// (data descriptors, then the instance __dict__, then non-data descriptors
// and class attributes) that every class without __getattr__ uses.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/object_reduce.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"

namespace gilt {

Value generic_getattr(ThreadState& ts, Value obj, Value name) {
    TypeObject* t = type_of(ts, obj);
    Value descr = type_lookup(t, name);
    DescrGetSlot get = nullptr;
    if (!descr.is_null()) {
        TypeObject* dt = type_of(ts, descr);
        get = dt->descr_get;
        if (get && dt->descr_set) return get(ts, descr, obj, val(t));
    }
    if (obj.is_object()) {
        Value* d = instance_dict_slot(obj.as_object());
        if (d && !d->is_null()) {
            Value v = dict_get_str(*d, name);
            if (!v.is_null()) return new_ref(v);
        } else if (t->flags & kTypeInlineValues) {
            Value v = inline_get(obj.as_object(), name);
            if (!v.is_null()) return new_ref(v);
        }
    }
    if (get) return get(ts, descr, obj, val(t));
    if (!descr.is_null()) return new_ref(descr);
    return raise_attribute_error(ts, obj, name);
}

int generic_setattr(ThreadState& ts, Value obj, Value name, Value value) {
    TypeObject* t = type_of(ts, obj);
    Value descr = type_lookup(t, name);
    if (!descr.is_null()) {
        DescrSetSlot set = type_of(ts, descr)->descr_set;
        if (set) return set(ts, descr, obj, value);
    }
    Value* d = obj.is_object() ? instance_dict_slot(obj.as_object()) : nullptr;
    if (!d) {
        if (descr.is_null()) {
            raise_fmt(ts, ts.exc_types().AttributeError, "'{}' object has no attribute '{}'",
                      type_name(ts, obj), str_view(name));
        } else {
            raise_fmt(ts, ts.exc_types().AttributeError, "'{}' object attribute '{}' is read-only",
                      type_name(ts, obj), str_view(name));
        }
        return -1;
    }
    if (t->flags & kTypeInlineValues) {
        int r = inline_set(ts, obj.as_object(), name, value);
        if (r != 0) return r < 0 ? -1 : 0;
        if (!value.is_null() && !instance_materialize_dict(ts, obj.as_object())) return -1;
    }
    if (value.is_null()) {
        int r = d->is_null() ? 0 : dict_del(ts, *d, name);
        if (r == 0) {
            raise_attribute_error(ts, obj, name);
            return -1;
        }
        return r < 0 ? -1 : 0;
    }
    if (d->is_null()) {
        *d = dict_new(ts);
        if (d->is_null()) return -1;
    }
    return dict_set(ts, *d, name, value) ? 0 : -1;
}

Value getattribute_wrapper(ThreadState& ts, TypeObject*, Args args) {
    if (args.kw_count() != 0) {
        return raise(ts, ts.exc_types().TypeError,
                     "wrapper __getattribute__() takes no keyword arguments");
    }
    if (args.n != 2) {
        return raise_fmt(ts, ts.exc_types().TypeError, "expected 1 argument, got {}", args.n - 1);
    }
    if (!is_str(ts, args[1])) {
        return raise_fmt(ts, ts.exc_types().TypeError, "attribute name must be string, not '{}'",
                         type_name(ts, args[1]));
    }
    return generic_getattr(ts, args[0], args[1]);
}

bool hash_not_implemented(ThreadState& ts, Value self, int64_t*) {
    raise_unhashable(ts, self);
    return false;
}

namespace {

Value object_new(ThreadState& ts, TypeObject* type, Args args) {
    if ((args.n || args.kw_count()) && type->new_ != ts.types().object->new_) {
        return raise(ts, ts.exc_types().TypeError,
                     "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if ((args.n || args.kw_count()) && type->init == ts.types().object->init) {
        return raise_fmt(ts, ts.exc_types().TypeError, "{}() takes no arguments",
                         str_view(type->qualname));
    }
    if (type->flags & kTypeAbstract) {
        return raise_fmt(ts, ts.exc_types().TypeError, "Can't instantiate abstract class {}",
                         str_view(type->qualname));
    }
    Object* o = (type->flags & kTypeInlineValues) ? alloc_compact_instance(type)
                                                  : alloc_gc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    return Value::object(o);
}

int object_init(ThreadState& ts, Value self, Args args) {
    TypeObject* t = type_of(ts, self);
    if ((args.n || args.kw_count()) && t->new_ == ts.types().object->new_ &&
        t->init == ts.types().object->init) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}() takes no arguments", str_view(t->qualname));
        return -1;
    }
    if ((args.n || args.kw_count()) && t->init != ts.types().object->init) {
        raise(ts, ts.exc_types().TypeError,
              "object.__init__() takes exactly one argument (the instance to initialize)");
        return -1;
    }
    return 0;
}

Value object_repr(ThreadState& ts, Value self) {
    TypeObject* t = type_of(ts, self);
    Value mod = dict_get_str(val(t->dict), ts.names().__module__);
    std::string_view qual = str_view(t->qualname);
    const void* addr = self.is_object() ? static_cast<const void*>(self.as_object()) : nullptr;
    if (!mod.is_null() && is_str(ts, mod) && str_view(mod) != "builtins") {
        return make_str(ts, fmt::format("<{}.{} object at {}>", str_view(mod), qual, addr));
    }
    return make_str(ts, fmt::format("<{} object at {}>", qual, addr));
}

Value object_str(ThreadState& ts, Value self) {
    TypeObject* t = type_of(ts, self);
    return t->repr ? t->repr(ts, self) : object_repr(ts, self);
}

bool object_hash(ThreadState&, Value self, int64_t* out) {
    uint64_t bits = self.bits();
    int64_t h = static_cast<int64_t>((bits >> 4) | (bits << 60));
    *out = h == -1 ? -2 : h;
    return true;
}

Value object_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (op == CompareOp::Eq) return a == b ? Value::true_() : Value::not_implemented();
    if (op == CompareOp::Ne) {
        // By default, __ne__ delegates to __eq__ and inverts the result.
        TypeObject* t = type_of(ts, a);
        if (!t->richcompare) return Value::not_implemented();
        Ref r(t->richcompare(ts, a, b, CompareOp::Eq));
        if (!r || r.get().is_not_implemented()) return r.release();
        int truth = obj_truthy(ts, *r);
        if (truth < 0) return Value();
        return Value::boolean(!truth);
    }
    return Value::not_implemented();
}

void instance_dealloc(Object* o) {
    auto* inst = reinterpret_cast<InstanceObject*>(o);
    clear_ref(inst->dict);
    // A compact instance made before its class's inline capacity changed has
    // a block of another size than the class's free list holds.
    if ((o->type->flags & kTypeInlineValues) && inline_capacity(o) != o->type->inline_cap)
        o->flags &= ~kObjBasicSize;
    free_object(o);
}

void instance_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* inst = reinterpret_cast<InstanceObject*>(o);
    if (!inst->dict.is_null()) visit(inst->dict, ctx);
}

void instance_clear(Object* o) {
    clear_ref(reinterpret_cast<InstanceObject*>(o)->dict);
}

Value object_format(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__format__", 2, 2)) return Value();
    if (!is_str(ts, args[1])) {
        return raise_fmt(ts, ts.exc_types().TypeError, "argument to __format__ must be str, not {}",
                         type_name(ts, args[1]));
    }
    if (str_len(args[1]) != 0) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "unsupported format string passed to {}.__format__",
                         type_name(ts, args[0]));
    }
    return obj_str(ts, args[0]);
}

Value object_dir(ThreadState& ts, Args args) {
    Value self = args[0];
    Ref names(dict_new(ts));
    if (!names) return Value();
    if (self.is_object()) {
        Value* d = instance_dict_slot(self.as_object());
        if (d && !d->is_null() && !dict_update(ts, *names, *d)) return Value();
        std::vector<std::pair<Value, Value>> inline_attrs;
        inline_items(self.as_object(), inline_attrs);
        for (auto& [k, v] : inline_attrs)
            if (!dict_set(ts, *names, k, v)) return Value();
    }
    TypeObject* t = type_of(ts, self);
    TupleObject* mro = tuple_obj(t->mro);
    for (uint64_t i = 0; i < mro->size; ++i) {
        auto* b = reinterpret_cast<TypeObject*>(mro->items[i].as_object());
        if (!dict_update(ts, *names, val(b->dict))) return Value();
    }
    // object's `__dict__` descriptor is listed only where it answers.
    if ((!self.is_object() || !instance_dict_slot(self.as_object())) &&
        dict_del(ts, *names, ts.names().__dict__) < 0)
        return Value();
    return dict_keys_list(ts, *names);
}

Value object_init_subclass(ThreadState&, Args) {
    return Value::none();
}

Value object_sizeof(ThreadState& ts, Args args) {
    return make_int(ts, type_of(ts, args[0])->basicsize);
}

constexpr MethodDef kObjectMethods[] = {
    {"__format__", object_format},
    {"__dir__", object_dir},
    {"__init_subclass__", object_init_subclass, kMethodClass},
    {"__sizeof__", object_sizeof},
    {"__reduce_ex__", object_reduce_ex_method},
    {"__reduce__", object_reduce_method},
    {"__getstate__", object_getstate_method},
};

Value object_get_class(ThreadState& ts, Value self) {
    return new_ref(val(type_of(ts, self)));
}
Value object_get_dict(ThreadState& ts, Value self) {
    Value* d = self.is_object() ? instance_dict_slot(self.as_object()) : nullptr;
    if (!d) {
        return raise_fmt(ts, ts.exc_types().AttributeError,
                         "'{}' object has no attribute '__dict__'", type_name(ts, self));
    }
    if (!instance_materialize_dict(ts, self.as_object())) return Value();
    if (d->is_null()) *d = dict_new(ts);
    return new_ref(*d);
}
int object_set_dict(ThreadState& ts, Value self, Value v) {
    Value* d = self.is_object() ? instance_dict_slot(self.as_object()) : nullptr;
    if (!d) {
        raise(ts, ts.exc_types().TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    if (!v.is_null() && !is_dict(ts, v)) {
        raise_fmt(ts, ts.exc_types().TypeError, "__dict__ must be set to a dictionary, not a '{}'",
                  type_name(ts, v));
        return -1;
    }
    // The inline values (if any) go: the new dict is the instance's only store.
    Object* o = self.as_object();
    if ((o->type->flags & kTypeInlineValues) && d->is_null()) {
        Value* vals = inline_values(o);
        uint32_t top = std::min(inline_top(o), inline_capacity(o));
        set_inline_top(o, 0);
        for (uint32_t i = 0; i < top; ++i) clear_ref(vals[i]);
    }
    set_ref(*d, v.is_null() ? Value() : new_ref(v));  // `del obj.__dict__` empties it
    return 0;
}

// obj.__class__ = cls (CPython's object_set_class): both classes are user
// classes with the same layout. A compact instance's inline values are
// indexed by its old class's keys, so they move into a dict first.
int object_set_class(ThreadState& ts, Value self, Value v) {
    if (v.is_null()) {
        raise(ts, ts.exc_types().TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!v.is_object() || v.as_object()->kind != ObjKind::Type) {
        raise_fmt(ts, ts.exc_types().TypeError, "__class__ must be set to a class, not '{}' object",
                  type_name(ts, v));
        return -1;
    }
    auto* to = reinterpret_cast<TypeObject*>(v.as_object());
    TypeObject* from = type_of(ts, self);
    if (!self.is_object() || !(to->flags & kTypeHeap) || !(from->flags & kTypeHeap)) {
        raise(ts, ts.exc_types().TypeError,
              "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!type_layouts_compatible(from, to)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "__class__ assignment: '{}' object layout differs from '{}'", to->name_cstr,
                  from->name_cstr);
        return -1;
    }
    Object* o = self.as_object();
    if (!instance_materialize_dict(ts, o)) return -1;
    // The block may not have the new class's size: it is not recycled.
    o->flags &= ~kObjBasicSize;
    if ((to->flags & kTypeInlineValues) != (from->flags & kTypeInlineValues)) o->aux = 0;
    o->type = new_ref(to);
    decref(&from->hdr);
    return 0;
}

constexpr GetSetDef kObjectGetSets[] = {
    {"__class__", object_get_class, object_set_class},
    {"__dict__", object_get_dict, object_set_dict},
};

}  // namespace

void define_object_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(InstanceObject);
    t->dict_offset = 0;
    t->flags |= kTypeBaseType;
    t->new_ = object_new;
    t->init = object_init;
    t->repr = object_repr;
    t->str = object_str;
    t->hash = object_hash;
    t->richcompare = object_richcompare;
    t->getattr = generic_getattr;
    t->setattr = generic_setattr;
    t->dealloc = instance_dealloc;
    t->traverse = instance_traverse;
    t->clear = instance_clear;
    type_add_methods(interp, t, kObjectMethods);
    type_add_getsets(interp, t, kObjectGetSets);
}

}  // namespace gilt
