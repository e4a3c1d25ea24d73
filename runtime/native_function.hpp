// builtin_function_or_method: a C++ function exposed to Python, optionally
// bound to a `self` (the receiver of a builtin method, or a module).
// Methods in a builtin type's dict are NativeFunctionObjects with no self;
// attribute access on an instance binds them (creating a bound copy, or
// nothing at all when the VM calls them directly through LOAD_METHOD).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// A slot exposed as a dunder (`int.__add__`): calls `owner`'s slot.
using SlotWrapperFn = Value (*)(ThreadState& ts, TypeObject* owner, Args args);

struct NativeFunctionObject {
  Object hdr;
  const char* name;
  NativeFn fn;                // null for slot wrappers
  SlotWrapperFn wrapper;      // non-null for slot wrappers
  uint32_t flags;      // MethodFlags
  Value self;          // bound receiver or null (owned)
  TypeObject* owner;   // the type a method belongs to (borrowed), null for functions
  Value module;        // __module__ name or null (owned)
};

// A function (no self). Null + MemoryError on failure.
Value make_native_function(ThreadState& ts, const char* name, NativeFn fn, Value module = Value());
Value make_native_method(Interpreter& interp, TypeObject* owner, const MethodDef& def);
Value make_slot_wrapper(Interpreter& interp, TypeObject* owner, const char* name, SlotWrapperFn fn);
// A bound copy: calling it passes `self` as args[0].
Value native_bind(ThreadState& ts, Value func, Value self);
// Calls the native function with args (prepending bound self if any).
Value native_call(ThreadState& ts, Value func, Args args);

void define_builtin_function_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
