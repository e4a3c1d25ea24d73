// Bound methods (`obj.method` for Python functions: the `method` type) and
// super objects: the two descriptor-related types that bind a function to
// a receiver. Behaviour follows CPython 3.11's Objects/classobject.c and
// typeobject.c (super_getattro, supercheck).
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value method_get_func(ThreadState& ts, Value self);
Value method_get_self(ThreadState& ts, Value self);
Value method_get_doc(ThreadState& ts, Value self);
Value method_reduce(ThreadState& ts, Args args);
Value super_get_thisclass(ThreadState& ts, Value self);
Value super_get_self(ThreadState& ts, Value self);
Value super_get_self_class(ThreadState& ts, Value self);

constexpr GetSetDef kMethodGetSets[] = {
    {"__func__", method_get_func, readonly_attribute},
    {"__self__", method_get_self, readonly_attribute},
    {"__doc__", method_get_doc},
};

constexpr MethodDef kMethodMethods[] = {
    {"__reduce__", method_reduce},
};

constexpr GetSetDef kSuperGetSets[] = {
    {"__thisclass__", super_get_thisclass, readonly_attribute},
    {"__self__", super_get_self, readonly_attribute},
    {"__self_class__", super_get_self_class, readonly_attribute},
};

// Calls with more arguments than this copy them to the heap to prepend self.
constexpr uint32_t kSmallArgs = 8;

inline MethodObject* meth(Value v) noexcept {
    return reinterpret_cast<MethodObject*>(v.as_object());
}
inline SuperObject* sup(Value v) noexcept {
    return reinterpret_cast<SuperObject*>(v.as_object());
}

int64_t pointer_hash(uint64_t bits) {
    return static_cast<int64_t>((bits >> 4) | (bits << 60));
}

// ===================== method =====================

void method_dealloc(Object* o) {
    auto* m = reinterpret_cast<MethodObject*>(o);
    clear_ref(m->func);
    clear_ref(m->self);
    free_object(o);
}

void method_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* m = reinterpret_cast<MethodObject*>(o);
    if (!m->func.is_null()) visit(m->func, ctx);
    if (!m->self.is_null()) visit(m->self, ctx);
}

void method_clear(Object* o) {
    auto* m = reinterpret_cast<MethodObject*>(o);
    clear_ref(m->func);
    clear_ref(m->self);
}

// Calls func(self, *args), the arguments on the stack when few.
Value method_call(ThreadState& ts, Value self, Args args) {
    MethodObject* m = meth(self);
    TypeObject* ft = type_of(ts, m->func);
    if (!ft->call) return raise_not_callable(ts, m->func);
    uint32_t total = args.n + args.kw_count();
    Value small[kSmallArgs + 1];
    std::unique_ptr<Value[]> big;
    Value* argv = small;
    if (total > kSmallArgs) {
        big.reset(new Value[total + 1]);
        argv = big.get();
    }
    argv[0] = m->self;
    for (uint32_t i = 0; i < total; ++i) argv[i + 1] = args.v[i];
    // The bound method and its function are one call level, not two.
    return ft->call(ts, m->func, Args{argv, args.n + 1, args.kwnames});
}

// "<bound method A.f of <A object at 0x...>>", named by the function's
// __qualname__ (or __name__, or '?').
Value method_repr(ThreadState& ts, Value self) {
    MethodObject* m = meth(self);
    Ref name(obj_getattr_opt(ts, m->func, ts.names().__qualname__));
    if (!name && ts.has_exception()) return Value();
    if (!name) {
        name = Ref(obj_getattr_opt(ts, m->func, ts.names().__name__));
        if (!name && ts.has_exception()) return Value();
    }
    std::string_view shown = (name && is_str(ts, *name)) ? str_view(*name) : std::string_view("?");
    Ref self_repr(obj_repr(ts, m->self));
    if (!self_repr) return Value();
    return make_str(ts, fmt::format("<bound method {} of {}>", shown, str_view(*self_repr)));
}

// Equal when the functions are equal and the receivers identical (3.8+).
Value method_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !b.is_object() ||
        b.as_object()->kind != ObjKind::BoundMethod)
        return Value::not_implemented();
    int eq = rich_compare_bool(ts, meth(a)->func, meth(b)->func, CompareOp::Eq);
    if (eq < 0) return Value();
    if (eq) eq = meth(a)->self == meth(b)->self;
    return Value::boolean(op == CompareOp::Eq ? eq != 0 : eq == 0);
}

bool method_hash(ThreadState& ts, Value self, int64_t* out) {
    int64_t fh;
    if (!obj_hash(ts, meth(self)->func, &fh)) return false;
    int64_t h = pointer_hash(meth(self)->self.bits()) ^ fh;
    *out = h == -1 ? -2 : h;
    return true;
}

// Attributes of the method type first, then the function's (so
// `obj.f.__name__` is the function's name).
Value method_getattr(ThreadState& ts, Value self, Value name) {
    TypeObject* t = type_of(ts, self);
    Value descr = type_lookup(t, name);
    if (!descr.is_null()) {
        DescrGetSlot get = type_of(ts, descr)->descr_get;
        if (get) return get(ts, descr, self, val(t));
        // Plain class attributes (a type's __doc__ or __module__ string) describe
        // the method type, not this method: the function's own win.
    }
    return obj_getattr(ts, meth(self)->func, name);
}

// types.MethodType(function, instance)
Value method_new(ThreadState& ts, TypeObject*, Args args) {
    if (!check_nargs(ts, args, "method", 2, 2)) return Value();
    if (!type_of(ts, args[0])->call)
        return raise(ts, ts.exc_types().TypeError, "first argument must be callable");
    if (args[1].is_none()) return raise(ts, ts.exc_types().TypeError, "instance must not be None");
    return make_bound_method(ts, args[0], args[1]);
}

Value method_get_func(ThreadState&, Value self) {
    return new_ref(meth(self)->func);
}
Value method_get_self(ThreadState&, Value self) {
    return new_ref(meth(self)->self);
}
Value method_get_doc(ThreadState& ts, Value self) {
    return obj_getattr(ts, meth(self)->func, ts.names().__doc__);
}

// (getattr, (self, name)), as CPython's method.__reduce__: a bound method
// pickles as a lookup on its pickled receiver (a classmethod as one on its
// class).
Value method_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__reduce__", 0, 0)) return Value();
    Value self = args[0];
    Ref name(obj_getattr(ts, meth(self)->func, ts.names().__name__));
    if (!name) return Value();
    Value getattr_fn = dict_get_cstr(ts, ts.interp().builtins, "getattr");
    if (getattr_fn.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "lost builtins.getattr");
    Ref inner(tuple_pack(ts, {meth(self)->self, *name}));
    if (!inner) return Value();
    return tuple_pack(ts, {getattr_fn, *inner});
}

// ===================== super =====================

void super_dealloc(Object* o) {
    auto* s = reinterpret_cast<SuperObject*>(o);
    if (s->type) decref(val(std::exchange(s->type, nullptr)));
    clear_ref(s->obj);
    if (s->obj_type) decref(val(std::exchange(s->obj_type, nullptr)));
    free_object(o);
}

void super_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* s = reinterpret_cast<SuperObject*>(o);
    if (s->type) visit(val(s->type), ctx);
    if (!s->obj.is_null()) visit(s->obj, ctx);
    if (s->obj_type) visit(val(s->obj_type), ctx);
}

void super_clear(Object* o) {
    auto* s = reinterpret_cast<SuperObject*>(o);
    if (s->type) decref(val(std::exchange(s->type, nullptr)));
    clear_ref(s->obj);
    if (s->obj_type) decref(val(std::exchange(s->obj_type, nullptr)));
}

bool is_type_value(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::Type;
}

// CPython's supercheck: the type super() starts its MRO walk from. A new
// reference, or null with TypeError pending.
TypeObject* supercheck(ThreadState& ts, TypeObject* type, Value obj) {
    if (is_type_value(obj) &&
        type_is_subtype(reinterpret_cast<TypeObject*>(obj.as_object()), type)) {
        return new_ref(reinterpret_cast<TypeObject*>(obj.as_object()));
    }
    TypeObject* ot = type_of(ts, obj);
    if (type_is_subtype(ot, type)) return new_ref(ot);
    // obj.__class__ may differ from type(obj) (proxies).
    Ref cls(obj_getattr_opt(ts, obj, ts.names().__class__));
    if (!cls && ts.has_exception()) return nullptr;
    if (cls && is_type_value(*cls) && cls.get().as_object() != &ot->hdr &&
        type_is_subtype(reinterpret_cast<TypeObject*>(cls.get().as_object()), type)) {
        return reinterpret_cast<TypeObject*>(cls.release().as_object());
    }
    raise(ts, ts.exc_types().TypeError,
          "super(type, obj): obj must be an instance or subtype of type");
    return nullptr;
}

// Fills a blank super object; obj may be null (unbound super).
bool super_fill(ThreadState& ts, SuperObject* s, TypeObject* type, Value obj) {
    TypeObject* obj_type = nullptr;
    if (!obj.is_null()) {
        obj_type = supercheck(ts, type, obj);
        if (!obj_type) return false;
    }
    TypeObject* old_type = std::exchange(s->type, new_ref(type));
    Value old_obj = std::exchange(s->obj, new_ref(obj));
    TypeObject* old_obj_type = std::exchange(s->obj_type, obj_type);
    if (old_type) decref(val(old_type));
    decref(old_obj);
    if (old_obj_type) decref(val(old_obj_type));
    return true;
}

Value super_new(ThreadState& ts, TypeObject* type, Args) {
    auto* s = alloc_gc<SuperObject>(type);
    if (!s) return raise_memory_error(ts);
    return val(s);
}

// super(type[, obj]). The zero-argument form is compiled into a call of
// make_super with the __class__ cell and the first argument.
int super_init(ThreadState& ts, Value self, Args args) {
    if (!no_kwargs(ts, args, "super")) return -1;
    if (args.n == 0) {
        raise(ts, ts.exc_types().RuntimeError, "super(): no arguments");
        return -1;
    }
    if (!check_nargs(ts, args, "super", 1, 2)) return -1;
    if (!is_type_value(args[0])) {
        raise_fmt(ts, ts.exc_types().TypeError, "super() argument 1 must be a type, not {}",
                  type_name(ts, args[0]));
        return -1;
    }
    Value obj = (args.n == 2 && !args[1].is_none()) ? args[1] : Value();
    return super_fill(ts, sup(self), reinterpret_cast<TypeObject*>(args[0].as_object()), obj) ? 0
                                                                                              : -1;
}

Value super_repr(ThreadState& ts, Value self) {
    SuperObject* s = sup(self);
    const char* tn = s->type ? s->type->name_cstr : "NULL";
    if (s->obj_type)
        return make_str(
            ts, fmt::format("<super: <class '{}'>, <{} object>>", tn, s->obj_type->name_cstr));
    return make_str(ts, fmt::format("<super: <class '{}'>, NULL>", tn));
}

// What `name` is bound to in the first class after s->type in `mro` (the
// MRO of s->obj_type) whose dict has it: borrowed, or null. Only str
// comparisons run, so no Python code can replace the MRO meanwhile.
Value super_find(const SuperObject* s, Value mro, Value name) {
    uint64_t n = tuple_size(mro);
    uint64_t i = 0;
    while (i + 1 < n && tuple_item(mro, i).as_object() != &s->type->hdr) ++i;
    for (++i; i < n; ++i) {
        auto* t = reinterpret_cast<TypeObject*>(tuple_item(mro, i).as_object());
        Value res = dict_get_str(val(t->dict), name);
        if (!res.is_null()) return res;
    }
    return Value();
}

// Looks `name` up in the MRO of obj_type, starting after `type`, binding
// what it finds to obj (or to nothing, for super(type, cls)).
Value super_getattr(ThreadState& ts, Value self, Value name) {
    SuperObject* s = sup(self);
    TypeObject* start = s->obj_type;
    Value cls_name = ts.names().__class__;
    bool is_class =
        name == cls_name || (!(name.as_object()->flags & kObjInterned) && str_eq(name, cls_name));
    if (!start || is_class || start->mro.is_null()) return generic_getattr(ts, self, name);
    Ref mro = Ref::borrow(start->mro);  // kept alive while what it found is bound
    Value res = super_find(s, *mro, name);
    if (res.is_null()) return generic_getattr(ts, self, name);
    DescrGetSlot get = type_of(ts, res)->descr_get;
    if (!get) return new_ref(res);
    Value obj = s->obj == val(start) ? Value() : s->obj;
    return get(ts, res, obj, val(start));
}

// A super object stored as a class attribute binds to the instance.
Value super_descr_get(ThreadState& ts, Value self, Value obj, Value) {
    SuperObject* s = sup(self);
    if (obj.is_null() || obj.is_none() || !s->obj.is_null()) return new_ref(self);
    return make_super(ts, s->type, obj);
}

Value super_get_thisclass(ThreadState&, Value self) {
    TypeObject* t = sup(self)->type;
    return t ? new_ref(val(t)) : Value::none();
}
Value super_get_self(ThreadState&, Value self) {
    Value o = sup(self)->obj;
    return o.is_null() ? Value::none() : new_ref(o);
}
Value super_get_self_class(ThreadState&, Value self) {
    TypeObject* t = sup(self)->obj_type;
    return t ? new_ref(val(t)) : Value::none();
}

}  // namespace

Value make_bound_method(ThreadState& ts, Value func, Value self) {
    auto* m = alloc_gc<MethodObject>(ts.types().method);
    if (!m) return raise_memory_error(ts);
    m->func = new_ref(func);
    m->self = new_ref(self);
    return val(m);
}

Value make_super(ThreadState& ts, TypeObject* type, Value obj) {
    auto* s = alloc_gc<SuperObject>(ts.types().super);
    if (!s) return raise_memory_error(ts);
    Ref owner(val(s));
    if (!super_fill(ts, s, type, obj)) return Value();
    return owner.release();
}

Value super_method_lookup(ThreadState& ts, Value super_obj, Value name, Value* self) {
    if (!super_obj.is_object() || super_obj.as_object()->type != ts.types().super) return Value();
    SuperObject* s = sup(super_obj);
    TypeObject* start = s->obj_type;
    if (!start || s->obj == val(start) || start->mro.is_null() || name == ts.names().__class__)
        return Value();
    Value res = super_find(s, start->mro, name);
    if (res.is_null() || !res.is_object() || res.as_object()->kind != ObjKind::Function)
        return Value();
    *self = s->obj;
    return res;
}

void define_method_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::BoundMethod;
    t->basicsize = sizeof(MethodObject);
    t->flags |= kTypeHasGc;
    t->dealloc = method_dealloc;
    t->traverse = method_traverse;
    t->clear = method_clear;
    t->call = method_call;
    t->repr = method_repr;
    t->richcompare = method_richcompare;
    t->hash = method_hash;
    t->getattr = method_getattr;
    t->new_ = method_new;
    type_add_getsets(interp, t, kMethodGetSets);
    type_add_methods(interp, t, kMethodMethods);
}

void define_super_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(SuperObject);
    t->flags |= kTypeBaseType | kTypeHasGc;
    t->dealloc = super_dealloc;
    t->traverse = super_traverse;
    t->clear = super_clear;
    t->repr = super_repr;
    t->getattr = super_getattr;
    t->descr_get = super_descr_get;
    t->new_ = super_new;
    t->init = super_init;
    type_add_getsets(interp, t, kSuperGetSets);
}

}  // namespace gilt
