// The type object itself: builtin type set-up, MRO lookup, and the slots of
// `type` (calling a class, class attribute access, repr).
#include "runtime/type.hpp"

#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/native_function.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

TypeObject* type_alloc_builtin(Interpreter& interp, const char* name, ObjKind kind,
                               uint32_t basicsize, TypeObject* base, uint32_t flags) {
    auto* t = static_cast<TypeObject*>(std::calloc(1, sizeof(TypeObject)));
    if (!t) {
        std::fputs("gilt: out of memory creating builtin types\n", stderr);
        std::abort();
    }
    t->hdr.refcnt = 1;
    t->hdr.kind = ObjKind::Type;
    t->hdr.type = interp.types.type;  // null for the very first types; fixed up by the caller
    t->interp = &interp;
    t->name_cstr = name;
    t->base = base;
    t->flags = flags;
    t->instance_kind = kind;
    t->basicsize = basicsize;
    t->dict = dict_new_raw(interp);
    t->version = interp.next_type_version++;
    interp.gc->static_types.push_back(t);  // freed by the interpreter's tear-down
    return t;
}

void type_set_attr_cstr(Interpreter& interp, TypeObject* t, const char* name, Value value) {
    ThreadState& ts = interp.main_thread();
    Ref key(interp.intern(name));
    if (!key || !dict_set(ts, val(t->dict), *key, value)) clear_exception(ts);
    t->version = interp.next_type_version++;
}

void type_add_methods(Interpreter& interp, TypeObject* t, std::span<const MethodDef> defs) {
    for (const MethodDef& d : defs) {
        Ref m(make_native_method(interp, t, d));
        if (d.flags & kMethodStatic) {
            Ref sm(make_staticmethod(interp.main_thread(), *m));
            type_set_attr_cstr(interp, t, d.name, *sm);
        } else {
            type_set_attr_cstr(interp, t, d.name, *m);
        }
    }
}

void type_add_getsets(Interpreter& interp, TypeObject* t, std::span<const GetSetDef> defs) {
    for (const GetSetDef& d : defs) {
        Ref g(make_getset_descr(interp, t, &d));
        type_set_attr_cstr(interp, t, d.name, *g);
    }
}

namespace {

Value mro_of_chain(Interpreter& interp, TypeObject* t) {
    ThreadState& ts = interp.main_thread();
    uint64_t n = 0;
    for (TypeObject* b = t; b; b = b->base) ++n;
    Value mro = tuple_new(ts, n);
    uint64_t i = 0;
    for (TypeObject* b = t; b; b = b->base) tuple_obj(mro)->items[i++] = new_ref(val(b));
    return mro;
}

}  // namespace

void type_ready(Interpreter& interp, TypeObject* t) {
    ThreadState& ts = interp.main_thread();
    if (t->name.is_null()) t->name = interp.intern(t->name_cstr);
    if (t->qualname.is_null()) t->qualname = new_ref(t->name);
    if (t->base && t->base->mro.is_null()) type_ready(interp, t->base);
    if (t->bases.is_null()) {
        t->bases = t->base ? tuple_pack(ts, {val(t->base)}) : new_ref(interp.empty_tuple);
    }
    if (t->mro.is_null()) t->mro = mro_of_chain(interp, t);
    inherit_slots(t, t->base);
    if (t->base && t->dict_offset == 0) t->dict_offset = t->base->dict_offset;
    // object's traverse and clear read an InstanceObject's __dict__. A builtin
    // type with another layout (float, int, str, ...) must not inherit them:
    // the collector would read its value as a reference once an instance of
    // a subclass (which is tracked) is traversed.
    if (t->base == interp.types.object && t->dict_offset != offsetof(InstanceObject, dict)) {
        if (t->traverse == t->base->traverse) t->traverse = nullptr;
        if (t->clear == t->base->clear) t->clear = nullptr;
    }
    if (t->base && (t->base->flags & kTypeIsException)) t->flags |= kTypeIsException;
    add_slot_wrappers(interp, t);
    if (dict_get_str(val(t->dict), interp.names.__doc__).is_null()) {
        type_set_attr_cstr(interp, t, "__doc__", Value::none());
    }
}

namespace {

Value type_lookup_uncached(TypeObject* t, Value name);

}  // namespace

Value type_lookup(TypeObject* t, Value name) {
    if (!t->interp || t->mro.is_null() || !(name.as_object()->flags & kObjInterned)) {
        return type_lookup_uncached(t, name);
    }
    uint64_t h = (t->version * 0x9E3779B97F4A7C15ull) ^ (name.bits() >> 4);
    auto& e = t->interp->method_cache[h & (Interpreter::kMethodCacheSize - 1)];
    if (e.version == t->version && e.name == name.as_object()) return e.value;
    Value v = type_lookup_uncached(t, name);
    e.version = t->version;
    e.name = name.as_object();
    e.value = v;
    return v;
}

namespace {

Value type_lookup_uncached(TypeObject* t, Value name) {
    Value mro = t->mro;
    if (mro.is_null()) {
        for (TypeObject* b = t; b; b = b->base) {
            if (!b->dict) continue;  // a class being torn down by the collector
            Value v = dict_get_str(val(b->dict), name);
            if (!v.is_null()) return v;
        }
        return Value();
    }
    TupleObject* m = tuple_obj(mro);
    for (uint64_t i = 0; i < m->size; ++i) {
        auto* b = reinterpret_cast<TypeObject*>(m->items[i].as_object());
        if (!b->dict) continue;
        Value v = dict_get_str(val(b->dict), name);
        if (!v.is_null()) return v;
    }
    return Value();
}

}  // namespace

Value type_lookup_cstr(ThreadState& ts, TypeObject* t, const char* name) {
    Ref key(ts.interp().intern(name));
    if (!key) {  // not found, as far as the caller can tell
        clear_exception(ts);
        return Value();
    }
    return type_lookup(t, *key);
}

bool type_is_subtype(const TypeObject* a, const TypeObject* b) {
    if (a == b) return true;
    if (a->mro.is_null()) {
        for (const TypeObject* x = a; x; x = x->base)
            if (x == b) return true;
        return false;
    }
    TupleObject* m = tuple_obj(a->mro);
    for (uint64_t i = 0; i < m->size; ++i)
        if (m->items[i].as_object() == &b->hdr) return true;
    return false;
}

TypeObject* type_of(ThreadState& ts, Value v) {
    if (v.is_object()) return v.as_object()->type;
    const BuiltinTypes& t = ts.types();
    if (v.is_small_int()) return t.int_;
    switch (v.immediate_payload()) {
        case Value::kNone:
            return t.none_type;
        case Value::kTrue:
        case Value::kFalse:
            return t.bool_;
        case Value::kNotImplemented:
            return t.not_implemented_type;
        default:
            return t.ellipsis_type;
    }
}

void type_modified(ThreadState& ts, TypeObject* t) {
    t->version = ts.interp().next_type_version++;
    if (t->flags & kTypeHeap) class_fill_slots(ts, t);
    for (TypeObject* sub : type_subclasses(t)) type_modified(ts, sub);
}

// --- the slots of `type` ---

namespace {

Value type_repr(ThreadState& ts, Value self) {
    auto* t = reinterpret_cast<TypeObject*>(self.as_object());
    Value mod = dict_get_str(val(t->dict), ts.names().__module__);
    if (!mod.is_null() && is_str(ts, mod) && str_view(mod) != "builtins") {
        return make_str(ts, fmt::format("<class '{}.{}'>", str_view(mod), str_view(t->qualname)));
    }
    return make_str(ts, fmt::format("<class '{}'>", str_view(t->qualname)));
}

// Calling a class: type(x), type(name, bases, dict), or instantiation.
Value type_call(ThreadState& ts, Value self, Args args) {
    auto* t = reinterpret_cast<TypeObject*>(self.as_object());
    if (t == ts.types().type) {
        if (args.n == 1 && args.kw_count() == 0) return new_ref(val(type_of(ts, args[0])));
        if (args.n != 3)
            return raise(ts, ts.exc_types().TypeError, "type() takes 1 or 3 arguments");
    }
    if (!t->new_) {
        return raise_fmt(ts, ts.exc_types().TypeError, "cannot create '{}' instances",
                         str_view(t->qualname));
    }
    Ref obj(t->new_(ts, t, args));
    if (!obj) return Value();
    TypeObject* ot = type_of(ts, *obj);
    if (!type_is_subtype(ot, t))
        return obj.release();  // __new__ returned something else: no __init__
    if (ot->init && ot->init(ts, *obj, args) < 0) return Value();
    return obj.release();
}

// type.__new__(metatype, name, bases, dict)
Value type_new_slot(ThreadState& ts, TypeObject* metatype, Args args) {
    if (args.n == 1 && metatype == ts.types().type) return new_ref(val(type_of(ts, args[0])));
    if (args.n != 3) return raise(ts, ts.exc_types().TypeError, "type() takes 1 or 3 arguments");
    if (!is_str(ts, args[0]))
        return raise(ts, ts.exc_types().TypeError, "type.__new__() argument 1 must be str");
    if (!is_tuple(ts, args[1]))
        return raise(ts, ts.exc_types().TypeError, "type.__new__() argument 2 must be tuple");
    if (!is_dict(ts, args[2]))
        return raise(ts, ts.exc_types().TypeError, "type.__new__() argument 3 must be dict");
    return type_new_class(ts, metatype, args[0], args[1], args[2]);
}

int type_init_slot(ThreadState&, Value, Args) {
    return 0;
}

Value type_getattro(ThreadState& ts, Value self, Value name) {
    auto* t = reinterpret_cast<TypeObject*>(self.as_object());
    TypeObject* meta = type_of(ts, self);
    Value meta_attr = type_lookup(meta, name);
    DescrGetSlot meta_get = nullptr;
    if (!meta_attr.is_null()) {
        TypeObject* mat = type_of(ts, meta_attr);
        meta_get = mat->descr_get;
        if (meta_get && mat->descr_set) return meta_get(ts, meta_attr, self, val(meta));
    }
    Value attr = type_lookup(t, name);
    if (!attr.is_null()) {
        DescrGetSlot get = type_of(ts, attr)->descr_get;
        if (get) return get(ts, attr, Value(), self);
        return new_ref(attr);
    }
    if (meta_get) return meta_get(ts, meta_attr, self, val(meta));
    if (!meta_attr.is_null()) return new_ref(meta_attr);
    return raise_attribute_error(ts, self, name);
}

int type_setattro(ThreadState& ts, Value self, Value name, Value value) {
    auto* t = reinterpret_cast<TypeObject*>(self.as_object());
    if (!(t->flags & kTypeHeap)) {
        raise_fmt(ts, ts.exc_types().TypeError, "cannot set '{}' attribute of immutable type '{}'",
                  str_view(name), str_view(t->qualname));
        return -1;
    }
    TypeObject* meta = type_of(ts, self);
    Value meta_attr = type_lookup(meta, name);
    if (!meta_attr.is_null()) {
        DescrSetSlot set = type_of(ts, meta_attr)->descr_set;
        if (set) return set(ts, meta_attr, self, value);
    }
    if (value.is_null()) {
        int r = dict_del(ts, val(t->dict), name);
        if (r == 0) {
            raise_attribute_error(ts, self, name);
            return -1;
        }
        if (r < 0) return -1;
    } else if (!dict_set(ts, val(t->dict), name, value)) {
        return -1;
    }
    type_modified(ts, t);
    return 0;
}

void type_dealloc(Object* o) {
    auto* t = reinterpret_cast<TypeObject*>(o);
    type_clear(o);
    forget_subclass(t);
    clear_ref(t->bases);
    clear_ref(t->name);
    clear_ref(t->qualname);
    if (TypeObject* b = t->base) {
        t->base = nullptr;
        decref(&b->hdr);
    }
    gc_freelist_clear(t);
    shared_keys_free(t);
    free_object(o);
}

void type_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* t = reinterpret_cast<TypeObject*>(o);
    if (!(t->flags & kTypeHeap)) return;
    visit(val(t->dict), ctx);
    visit(t->bases, ctx);
    visit(t->mro, ctx);
    if (t->base) visit(val(t->base), ctx);
}

Value type_get_name(ThreadState& ts, Value self) {
    (void)ts;
    return new_ref(reinterpret_cast<TypeObject*>(self.as_object())->name);
}
int type_set_name(ThreadState& ts, Value self, Value v) {
    if (v.is_null() || !is_str(ts, v)) {
        raise(ts, ts.exc_types().TypeError, "can only assign string to __name__");
        return -1;
    }
    auto* t = reinterpret_cast<TypeObject*>(self.as_object());
    set_ref(t->name, new_ref(v));
    t->name_cstr = str_obj(t->name)->data;
    return 0;
}
Value type_get_qualname(ThreadState&, Value self) {
    return new_ref(reinterpret_cast<TypeObject*>(self.as_object())->qualname);
}
int type_set_qualname(ThreadState& ts, Value self, Value v) {
    if (v.is_null() || !is_str(ts, v)) {
        raise(ts, ts.exc_types().TypeError, "can only assign string to __qualname__");
        return -1;
    }
    set_ref(reinterpret_cast<TypeObject*>(self.as_object())->qualname, new_ref(v));
    return 0;
}
Value type_get_mro(ThreadState&, Value self) {
    return new_ref(reinterpret_cast<TypeObject*>(self.as_object())->mro);
}
Value type_get_bases(ThreadState&, Value self) {
    return new_ref(reinterpret_cast<TypeObject*>(self.as_object())->bases);
}
Value type_get_base(ThreadState&, Value self) {
    TypeObject* b = reinterpret_cast<TypeObject*>(self.as_object())->base;
    return b ? new_ref(val(b)) : Value::none();
}
Value type_get_dict(ThreadState&, Value self) {
    return new_ref(val(reinterpret_cast<TypeObject*>(self.as_object())->dict));
}
Value type_get_module(ThreadState& ts, Value self) {
    auto* t = reinterpret_cast<TypeObject*>(self.as_object());
    Value m = dict_get_str(val(t->dict), ts.names().__module__);
    if (!m.is_null()) return new_ref(m);
    return ts.interp().intern("builtins");
}

int type_set_module(ThreadState& ts, Value self, Value v) {
    auto* t = reinterpret_cast<TypeObject*>(self.as_object());
    if (!(t->flags & kTypeHeap)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "cannot set '__module__' attribute of immutable type '{}'",
                  str_view(t->qualname));
        return -1;
    }
    if (v.is_null()) {
        raise(ts, ts.exc_types().TypeError, "cannot delete '__module__' attribute");
        return -1;
    }
    if (!dict_set(ts, val(t->dict), ts.names().__module__, v)) return -1;
    type_modified(ts, t);
    return 0;
}

Value type_mro_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "mro", 1, 1)) return Value();
    return list_from_iterable(ts, reinterpret_cast<TypeObject*>(args[0].as_object())->mro);
}
Value type_subclasses_method(ThreadState& ts, Args args) {
    auto* t = reinterpret_cast<TypeObject*>(args[0].as_object());
    Ref out(list_new(ts));
    for (TypeObject* sub : type_subclasses(t))
        if (!list_append(ts, *out, val(sub))) return Value();
    return out.release();
}
Value type_instancecheck(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__instancecheck__", 2, 2)) return Value();
    return Value::boolean(
        type_is_subtype(type_of(ts, args[1]), reinterpret_cast<TypeObject*>(args[0].as_object())));
}
Value type_subclasscheck(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__subclasscheck__", 2, 2)) return Value();
    int r = obj_issubclass_plain(ts, args[1], args[0]);
    return r < 0 ? Value() : Value::boolean(r);
}
Value type_prepare(ThreadState& ts, Args) {
    return dict_new(ts);
}

constexpr MethodDef kTypeMethods[] = {
    {"mro", type_mro_method},
    {"__subclasses__", type_subclasses_method},
    {"__instancecheck__", type_instancecheck},
    {"__subclasscheck__", type_subclasscheck},
    {"__prepare__", type_prepare, kMethodClass},
};

constexpr GetSetDef kTypeGetSets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__mro__", type_get_mro},
    {"__bases__", type_get_bases},
    {"__base__", type_get_base},
    {"__dict__", type_get_dict},
    {"__module__", type_get_module, type_set_module},
};

}  // namespace

void type_clear(Object* o) {
    auto* t = reinterpret_cast<TypeObject*>(o);
    if (!(t->flags & kTypeHeap)) return;
    Value d = val(t->dict);
    t->dict = nullptr;
    if (d.as_object()) decref(d);
    clear_ref(t->mro);
    // `base` and `bases` stay until dealloc: instances still being cleared
    // find their layout through them (subtype_dealloc walks to the solid base).
}

void define_type_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Type;
    t->basicsize = sizeof(TypeObject);
    t->flags |= kTypeBaseType | kTypeHasGc;
    t->repr = type_repr;
    t->call = type_call;
    t->new_ = type_new_slot;
    t->init = type_init_slot;
    t->getattr = type_getattro;
    t->setattr = type_setattro;
    t->dealloc = type_dealloc;
    t->traverse = type_traverse;
    t->clear = type_clear;
    type_add_methods(interp, t, kTypeMethods);
    type_add_getsets(interp, t, kTypeGetSets);
}

}  // namespace gilt
