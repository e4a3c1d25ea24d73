// Descriptor and method objects: property, classmethod, staticmethod, the
// getset descriptors of builtin types, bound methods, and super.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct PropertyObject {
  Object hdr;
  Value fget, fset, fdel, doc;  // owned, None or null when absent
  Value name;                   // set by __set_name__ (for error messages)
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
  TypeObject* type;  // the class super() was called in (owned)
  Value obj;         // the instance or class (owned)
  TypeObject* obj_type;  // type(obj), or obj itself when obj is a class (owned)
};

Value make_bound_method(ThreadState& ts, Value func, Value self);
Value make_getset_descr(Interpreter& interp, TypeObject* owner, const GetSetDef* def);
Value make_classmethod(ThreadState& ts, Value func);
Value make_staticmethod(ThreadState& ts, Value func);
// super(type, obj): the zero-argument form is resolved by the compiler and
// eval loop (the __class__ cell and the first local), which then call this.
Value make_super(ThreadState& ts, TypeObject* type, Value obj);

}  // namespace gilt
