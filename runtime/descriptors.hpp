// Descriptor and method objects: property, classmethod, staticmethod, the
// getset descriptors of builtin types, bound methods, and super.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct PropertyObject {
    Object hdr;
    Value fget, fset, fdel, doc;  // owned, null when absent (property(None) stores null)
    Value name;                   // set by __set_name__ (for error messages)
    bool getter_doc;              // doc was taken from fget.__doc__ (getter() copies re-derive it)
};

struct ClassMethodObject {  // also staticmethod
    Object hdr;
    Value func;  // owned
    Value dict;  // __dict__ (functools.wraps copies __doc__ etc.)
};

struct GetSetDescrObject {
    Object hdr;
    const GetSetDef* def;
    TypeObject* owner;  // borrowed (types outlive their descriptors)
};

// A function bound to an instance: `obj.method` for Python functions.
struct MethodObject {
    Object hdr;
    Value func;  // owned
    Value self;  // owned
};

struct SuperObject {
    Object hdr;
    TypeObject* type;      // the class super() was called in (owned)
    Value obj;             // the instance or class (owned)
    TypeObject* obj_type;  // type(obj), or obj itself when obj is a class (owned)
};

// A bound method (borrowed func and self). Null + MemoryError on failure.
Value make_bound_method(ThreadState& ts, Value func, Value self);
Value make_getset_descr(Interpreter& interp, TypeObject* owner, const GetSetDef* def);
// PyClassMethod_New / PyStaticMethod_New: no attribute copying (the Python
// constructors copy __name__, __doc__, ... into the wrapper's __dict__).
// Safe during start-up, before any ThreadState exists, when func is a heap
// object (type_add_methods wraps static methods this way).
Value make_classmethod(ThreadState& ts, Value func);
Value make_staticmethod(ThreadState& ts, Value func);
// super(type, obj): the zero-argument form is resolved by the compiler and
// eval loop (the __class__ cell and the first local), which then call this.
// Raises TypeError "super(type, obj): obj must be an instance or subtype of
// type" when obj fits neither.
Value make_super(ThreadState& ts, TypeObject* type, Value obj);
// `super().name(...)` without a bound method: when `super_obj` is an exact
// super bound to an instance and `name`, looked up past its class in the
// instance's MRO, is a Python function, returns that function (borrowed
// from the class dict that holds it) and the instance in *self (borrowed).
// Null, with nothing raised, for everything else: the caller then asks
// super's own getattr, which makes the same walk and binds what it finds.
Value super_method_lookup(ThreadState& ts, Value super_obj, Value name, Value* self);

// A getset `set` function for read-only attributes that CPython exposes as
// read-only members: raises AttributeError "readonly attribute".
int readonly_attribute(ThreadState& ts, Value self, Value value);

void define_property_type(Interpreter& interp, TypeObject* t);
void define_classmethod_type(Interpreter& interp, TypeObject* t);
void define_staticmethod_type(Interpreter& interp, TypeObject* t);
void define_getset_descriptor_type(Interpreter& interp, TypeObject* t);
void define_method_type(Interpreter& interp, TypeObject* t);
void define_super_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
