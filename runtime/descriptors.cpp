// Descriptors: property, classmethod, staticmethod and the getset
// descriptors of builtin types. (Bound methods and super, which also
// implement binding, are in descriptors_bound.cpp.)
//
// A descriptor is an object found in a class dict whose type has a
// descr_get slot (and for data descriptors a descr_set slot): attribute
// access calls descr_get(descr, obj, type) with obj null when the
// attribute is read from the class itself. Behaviour and messages follow
// CPython 3.11's Objects/descrobject.c and funcobject.c.
#include "runtime/descriptors.hpp"

#include <cstddef>
#include <cstdio>
#include <cstdlib>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value property_getter(ThreadState& ts, Args args);
Value property_setter(ThreadState& ts, Args args);
Value property_deleter(ThreadState& ts, Args args);
Value property_set_name(ThreadState& ts, Args args);
Value property_get_fget(ThreadState& ts, Value self);
Value property_get_fset(ThreadState& ts, Value self);
Value property_get_fdel(ThreadState& ts, Value self);
Value property_get_doc(ThreadState& ts, Value self);
int property_set_doc(ThreadState& ts, Value self, Value value);
Value property_get_isabstract(ThreadState& ts, Value self);
Value cm_get_func(ThreadState& ts, Value self);
Value cm_get_isabstract(ThreadState& ts, Value self);
Value cm_get_dict(ThreadState& ts, Value self);
int cm_set_dict(ThreadState& ts, Value self, Value value);
Value getset_get_name(ThreadState& ts, Value self);
Value getset_get_qualname(ThreadState& ts, Value self);
Value getset_get_objclass(ThreadState& ts, Value self);
Value getset_get_doc(ThreadState& ts, Value self);

constexpr MethodDef kPropertyMethods[] = {
    {"getter", property_getter},
    {"setter", property_setter},
    {"deleter", property_deleter},
    {"__set_name__", property_set_name},
};

constexpr GetSetDef kPropertyGetSets[] = {
    {"fget", property_get_fget, readonly_attribute},
    {"fset", property_get_fset, readonly_attribute},
    {"fdel", property_get_fdel, readonly_attribute},
    {"__doc__", property_get_doc, property_set_doc},
    {"__isabstractmethod__", property_get_isabstract},
};

// Shared by classmethod and staticmethod.
constexpr GetSetDef kClassMethodGetSets[] = {
    {"__func__", cm_get_func, readonly_attribute},
    {"__wrapped__", cm_get_func, readonly_attribute},
    {"__isabstractmethod__", cm_get_isabstract},
    {"__dict__", cm_get_dict, cm_set_dict},
};

constexpr GetSetDef kGetSetDescrGetSets[] = {
    {"__name__", getset_get_name},
    {"__qualname__", getset_get_qualname},
    {"__objclass__", getset_get_objclass},
    {"__doc__", getset_get_doc},
};

inline PropertyObject* prop(Value v) noexcept {
    return reinterpret_cast<PropertyObject*>(v.as_object());
}
inline ClassMethodObject* cm(Value v) noexcept {
    return reinterpret_cast<ClassMethodObject*>(v.as_object());
}
inline GetSetDescrObject* gsd(Value v) noexcept {
    return reinterpret_cast<GetSetDescrObject*>(v.as_object());
}

Value or_none(Value v) {
    return v.is_null() ? Value::none() : new_ref(v);
}
Value none_to_null(Value v) {
    return v.is_none() ? Value() : v;
}

// _PyObject_IsAbstract: getattr(obj, '__isabstractmethod__', False) is true.
// 1 / 0 / -1.
int is_abstract(ThreadState& ts, Value obj) {
    if (obj.is_null()) return 0;
    Ref flag(obj_getattr_cstr(ts, obj, "__isabstractmethod__"));
    if (!flag) {
        if (!exception_matches(ts, ts.exc_types().AttributeError)) return -1;
        clear_exception(ts);
        return 0;
    }
    return obj_truthy(ts, *flag);
}

Value bool_or_error(int r) {
    return r < 0 ? Value() : Value::boolean(r > 0);
}

// ===================== property =====================

void property_dealloc(Object* o) {
    auto* p = reinterpret_cast<PropertyObject*>(o);
    clear_ref(p->fget);
    clear_ref(p->fset);
    clear_ref(p->fdel);
    clear_ref(p->doc);
    clear_ref(p->name);
    free_object(o);
}

void property_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* p = reinterpret_cast<PropertyObject*>(o);
    for (Value v : {p->fget, p->fset, p->fdel, p->doc, p->name})
        if (!v.is_null()) visit(v, ctx);
}

void property_clear(Object* o) {
    auto* p = reinterpret_cast<PropertyObject*>(o);
    clear_ref(p->fget);
    clear_ref(p->fset);
    clear_ref(p->fdel);
    clear_ref(p->doc);
    clear_ref(p->name);
}

Value property_new(ThreadState& ts, TypeObject* type, Args) {
    auto* p = alloc_gc<PropertyObject>(type);
    if (!p) return raise_memory_error(ts);
    return val(p);
}

// Without an explicit doc, a property takes its getter's docstring.
bool property_init_doc(ThreadState& ts, Value self, Value doc) {
    PropertyObject* p = prop(self);
    Ref chosen;
    if (!doc.is_null() && !doc.is_none()) {
        chosen = Ref::borrow(doc);
    } else if (!p->fget.is_null()) {
        chosen = Ref(obj_getattr(ts, p->fget, ts.names().__doc__));
        if (!chosen) {
            if (!exception_matches(ts, ts.exc_types().AttributeError)) return false;
            clear_exception(ts);
        } else if (chosen.get().is_none()) {
            chosen.reset();
        } else {
            p->getter_doc = true;
        }
    }
    if (p->hdr.type == ts.types().property) {
        set_ref(p->doc, chosen.release());
        return true;
    }
    // A subclass keeps __doc__ in its instance __dict__, or the class's own
    // __doc__ would shadow it.
    Value d = chosen ? *chosen : Value::none();
    return obj_setattr(ts, self, ts.names().__doc__, d) == 0;
}

int property_init(ThreadState& ts, Value self, Args args) {
    Value fget, fset, fdel, doc;
    if (!parse_args(ts, args, "property", {"|", "fget", "fset", "fdel", "doc"},
                    {&fget, &fset, &fdel, &doc}))
        return -1;
    PropertyObject* p = prop(self);
    set_ref(p->fget, new_ref(none_to_null(fget)));
    set_ref(p->fset, new_ref(none_to_null(fset)));
    set_ref(p->fdel, new_ref(none_to_null(fdel)));
    clear_ref(p->doc);
    clear_ref(p->name);
    p->getter_doc = false;
    return property_init_doc(ts, self, doc) ? 0 : -1;
}

// "property 'x' of 'Foo' object has no getter" (what = getter/setter/deleter).
Value raise_property_missing(ThreadState& ts, PropertyObject* p, Value obj, const char* what) {
    Value qualname = type_of(ts, obj)->qualname;
    std::string owner = str_repr(str_view(qualname));
    if (p->name.is_null()) {
        return raise_fmt(ts, ts.exc_types().AttributeError, "property of {} object has no {}",
                         owner, what);
    }
    Ref name(obj_repr(ts, p->name));
    if (!name) return Value();
    return raise_fmt(ts, ts.exc_types().AttributeError, "property {} of {} object has no {}",
                     str_view(*name), owner, what);
}

Value property_descr_get(ThreadState& ts, Value self, Value obj, Value) {
    if (obj.is_null() || obj.is_none()) return new_ref(self);
    PropertyObject* p = prop(self);
    if (p->fget.is_null()) return raise_property_missing(ts, p, obj, "getter");
    return call1(ts, p->fget, obj);
}

int property_descr_set(ThreadState& ts, Value self, Value obj, Value value) {
    PropertyObject* p = prop(self);
    Value func = value.is_null() ? p->fdel : p->fset;
    if (func.is_null()) {
        raise_property_missing(ts, p, obj, value.is_null() ? "deleter" : "setter");
        return -1;
    }
    Ref r(value.is_null() ? call1(ts, func, obj) : call2(ts, func, obj, value));
    return r ? 0 : -1;
}

// property_copy: type(self)(fget, fset, fdel, doc) with one of them replaced.
Value property_copy(ThreadState& ts, Value self, Value get, Value set, Value del) {
    PropertyObject* p = prop(self);
    auto pick = [](Value given, Value old) {
        Value v = (given.is_null() || given.is_none()) ? old : given;
        return v.is_null() ? Value::none() : v;
    };
    Value g = pick(get, p->fget);
    Value s = pick(set, p->fset);
    Value d = pick(del, p->fdel);
    // A docstring that came from the old getter is re-derived from the new one.
    Value doc = (p->getter_doc && !g.is_none()) ? Value::none()
                                                : (p->doc.is_null() ? Value::none() : p->doc);
    Ref copy(call_n(ts, val(type_of(ts, self)), {g, s, d, doc}));
    if (!copy) return Value();
    if (is_instance_of(ts, *copy, ts.types().property))
        set_ref(prop(*copy)->name, new_ref(p->name));
    return copy.release();
}

Value property_getter(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "getter", 1, 1)) return Value();
    return property_copy(ts, args[0], args[1], Value(), Value());
}
Value property_setter(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "setter", 1, 1)) return Value();
    return property_copy(ts, args[0], Value(), args[1], Value());
}
Value property_deleter(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "deleter", 1, 1)) return Value();
    return property_copy(ts, args[0], Value(), Value(), args[1]);
}

Value property_set_name(ThreadState& ts, Args args) {
    if (args.n != 3) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "__set_name__() takes 2 positional arguments but {} were given",
                         args.n - 1);
    }
    set_ref(prop(args[0])->name, new_ref(args[2]));
    return Value::none();
}

Value property_get_fget(ThreadState&, Value self) {
    return or_none(prop(self)->fget);
}
Value property_get_fset(ThreadState&, Value self) {
    return or_none(prop(self)->fset);
}
Value property_get_fdel(ThreadState&, Value self) {
    return or_none(prop(self)->fdel);
}
Value property_get_doc(ThreadState&, Value self) {
    return or_none(prop(self)->doc);
}
int property_set_doc(ThreadState&, Value self, Value value) {
    set_ref(prop(self)->doc, new_ref(value));
    return 0;
}

Value property_get_isabstract(ThreadState& ts, Value self) {
    PropertyObject* p = prop(self);
    for (Value f : {p->fget, p->fset, p->fdel}) {
        int r = is_abstract(ts, f);
        if (r != 0) return bool_or_error(r);
    }
    return Value::false_();
}

// ===================== classmethod / staticmethod =====================

void cm_dealloc(Object* o) {
    auto* c = reinterpret_cast<ClassMethodObject*>(o);
    clear_ref(c->func);
    clear_ref(c->dict);
    free_object(o);
}

void cm_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* c = reinterpret_cast<ClassMethodObject*>(o);
    if (!c->func.is_null()) visit(c->func, ctx);
    if (!c->dict.is_null()) visit(c->dict, ctx);
}

void cm_clear(Object* o) {
    auto* c = reinterpret_cast<ClassMethodObject*>(o);
    clear_ref(c->func);
    clear_ref(c->dict);
}

Value cm_new(ThreadState& ts, TypeObject* type, Args) {
    auto* c = alloc_gc<ClassMethodObject>(type);
    if (!c) return raise_memory_error(ts);
    return val(c);
}

// functools.wraps-like copy done by the Python-level constructors (3.10+).
bool copy_wrapped_attributes(ThreadState& ts, Value wrapper, Value wrapped) {
    const CommonStrings& n = ts.names();
    for (Value name : {n.__module__, n.__name__, n.__qualname__, n.__doc__, n.__annotations__}) {
        Ref v(obj_getattr(ts, wrapped, name));
        if (!v) {
            if (!exception_matches(ts, ts.exc_types().AttributeError)) return false;
            clear_exception(ts);
            continue;
        }
        if (obj_setattr(ts, wrapper, name, *v) < 0) return false;
    }
    return true;
}

int cm_init_named(ThreadState& ts, Value self, Args args, const char* name) {
    if (!no_kwargs(ts, args, name)) return -1;
    if (args.n != 1) {  // PyArg_UnpackTuple's wording, not METH_O's
        raise_fmt(ts, ts.exc_types().TypeError, "{} expected 1 argument, got {}", name, args.n);
        return -1;
    }
    set_ref(cm(self)->func, new_ref(args[0]));
    return copy_wrapped_attributes(ts, self, args[0]) ? 0 : -1;
}
int classmethod_init(ThreadState& ts, Value self, Args args) {
    return cm_init_named(ts, self, args, "classmethod");
}
int staticmethod_init(ThreadState& ts, Value self, Args args) {
    return cm_init_named(ts, self, args, "staticmethod");
}

Value cm_repr(ThreadState& ts, Value self) {
    Value func = cm(self)->func;
    Ref fr(func.is_null() ? make_str(ts, "NULL") : obj_repr(ts, func));
    if (!fr) return Value();
    return make_str(ts, fmt::format("<{}({})>", type_name(ts, self), str_view(*fr)));
}

Value classmethod_descr_get(ThreadState& ts, Value self, Value obj, Value type) {
    Value func = cm(self)->func;
    if (func.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "uninitialized classmethod object");
    Value cls = !type.is_null() ? type : val(type_of(ts, obj));
    // 3.9-3.12 chain through the wrapped object's own __get__ (so classmethod
    // can wrap property); builtin functions have none in CPython.
    TypeObject* ft = type_of(ts, func);
    if (ft->descr_get && func.as_object()->kind != ObjKind::NativeFunction)
        return ft->descr_get(ts, func, cls, cls);
    return make_bound_method(ts, func, cls);
}

Value staticmethod_descr_get(ThreadState& ts, Value self, Value, Value) {
    Value func = cm(self)->func;
    if (func.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "uninitialized staticmethod object");
    return new_ref(func);
}

Value staticmethod_call(ThreadState& ts, Value self, Args args) {
    Value func = cm(self)->func;
    if (func.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "uninitialized staticmethod object");
    return obj_call(ts, func, args);
}

Value cm_get_func(ThreadState&, Value self) {
    return or_none(cm(self)->func);
}
Value cm_get_isabstract(ThreadState& ts, Value self) {
    return bool_or_error(is_abstract(ts, cm(self)->func));
}

Value cm_get_dict(ThreadState& ts, Value self) {
    ClassMethodObject* c = cm(self);
    if (c->dict.is_null()) {
        c->dict = dict_new(ts);
        if (c->dict.is_null()) return Value();
    }
    return new_ref(c->dict);
}

int cm_set_dict(ThreadState& ts, Value self, Value value) {
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!is_dict(ts, value)) {
        raise_fmt(ts, ts.exc_types().TypeError, "__dict__ must be set to a dictionary, not a '{}'",
                  type_name(ts, value));
        return -1;
    }
    set_ref(cm(self)->dict, new_ref(value));
    return 0;
}

Value make_cm(ThreadState& ts, Value func, bool is_static) {
    // During start-up no ThreadState exists yet: reach the interpreter
    // through the function's type.
    Interpreter& interp = func.is_object() ? *type_of_object(func)->interp : ts.interp();
    TypeObject* type = is_static ? interp.types.staticmethod : interp.types.classmethod;
    auto* c = alloc_gc<ClassMethodObject>(type);
    if (!c) return raise_memory_error(ts);
    c->hdr.kind =
        is_static ? ObjKind::StaticMethod : ObjKind::ClassMethod;  // type may not be defined yet
    c->func = new_ref(func);
    return val(c);
}

void fill_cm_type(Interpreter& interp, TypeObject* t, ObjKind kind) {
    t->instance_kind = kind;
    t->basicsize = sizeof(ClassMethodObject);
    t->dict_offset = offsetof(ClassMethodObject, dict);
    t->flags |= kTypeBaseType | kTypeHasGc;
    t->dealloc = cm_dealloc;
    t->traverse = cm_traverse;
    t->clear = cm_clear;
    t->new_ = cm_new;
    t->repr = cm_repr;
    type_add_getsets(interp, t, kClassMethodGetSets);
}

// ===================== getset_descriptor =====================

// The receiver check of CPython's descr_check.
bool getset_check(ThreadState& ts, GetSetDescrObject* d, Value obj) {
    TypeObject* ot = type_of(ts, obj);
    if (ot == d->owner || type_is_subtype(ot, d->owner)) return true;
    raise_fmt(ts, ts.exc_types().TypeError,
              "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", d->def->name,
              d->owner->name_cstr, ot->name_cstr);
    return false;
}

Value getset_descr_get(ThreadState& ts, Value self, Value obj, Value) {
    GetSetDescrObject* d = gsd(self);
    if (obj.is_null()) return new_ref(self);
    if (!getset_check(ts, d, obj)) return Value();
    return d->def->get(ts, obj);
}

int getset_descr_set(ThreadState& ts, Value self, Value obj, Value value) {
    GetSetDescrObject* d = gsd(self);
    if (!getset_check(ts, d, obj)) return -1;
    if (!d->def->set) {
        raise_fmt(ts, ts.exc_types().AttributeError,
                  "attribute '{}' of '{}' objects is not writable", d->def->name,
                  d->owner->name_cstr);
        return -1;
    }
    return d->def->set(ts, obj, value);
}

Value getset_repr(ThreadState& ts, Value self) {
    GetSetDescrObject* d = gsd(self);
    return make_str(
        ts, fmt::format("<attribute '{}' of '{}' objects>", d->def->name, d->owner->name_cstr));
}

void getset_dealloc(Object* o) {
    free_object(o);
}

Value getset_get_name(ThreadState& ts, Value self) {
    return make_str(ts, gsd(self)->def->name);
}
Value getset_get_qualname(ThreadState& ts, Value self) {
    GetSetDescrObject* d = gsd(self);
    return make_str(ts, fmt::format("{}.{}", d->owner->name_cstr, d->def->name));
}
Value getset_get_objclass(ThreadState&, Value self) {
    return new_ref(val(gsd(self)->owner));
}
Value getset_get_doc(ThreadState&, Value) {
    return Value::none();
}

}  // namespace

int readonly_attribute(ThreadState& ts, Value, Value) {
    raise(ts, ts.exc_types().AttributeError, "readonly attribute");
    return -1;
}

Value make_classmethod(ThreadState& ts, Value func) {
    return make_cm(ts, func, false);
}
Value make_staticmethod(ThreadState& ts, Value func) {
    return make_cm(ts, func, true);
}

Value make_getset_descr(Interpreter& interp, TypeObject* owner, const GetSetDef* def) {
    auto* d = alloc<GetSetDescrObject>(interp.types.getset_descriptor);
    if (!d) {
        std::fputs("gilt: out of memory creating builtin types\n", stderr);
        std::abort();
    }
    d->def = def;
    d->owner = owner;
    return val(d);
}

void define_property_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Property;
    t->basicsize = sizeof(PropertyObject);
    t->flags |= kTypeBaseType | kTypeHasGc;
    t->dealloc = property_dealloc;
    t->traverse = property_traverse;
    t->clear = property_clear;
    t->new_ = property_new;
    t->init = property_init;
    t->descr_get = property_descr_get;
    t->descr_set = property_descr_set;
    type_add_methods(interp, t, kPropertyMethods);
    type_add_getsets(interp, t, kPropertyGetSets);
}

void define_classmethod_type(Interpreter& interp, TypeObject* t) {
    fill_cm_type(interp, t, ObjKind::ClassMethod);
    t->init = classmethod_init;
    t->descr_get = classmethod_descr_get;
}

void define_staticmethod_type(Interpreter& interp, TypeObject* t) {
    fill_cm_type(interp, t, ObjKind::StaticMethod);
    t->init = staticmethod_init;
    t->descr_get = staticmethod_descr_get;
    t->call = staticmethod_call;
}

void define_getset_descriptor_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(GetSetDescrObject);
    t->dealloc = getset_dealloc;
    t->repr = getset_repr;
    t->descr_get = getset_descr_get;
    t->descr_set = getset_descr_set;
    type_add_getsets(interp, t, kGetSetDescrGetSets);
}

}  // namespace gilt
