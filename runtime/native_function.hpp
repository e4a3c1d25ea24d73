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

// NativeFunctionObject::flags bit beyond MethodFlags: `self` is the module
// a module-level function belongs to. It is what `len.__self__` shows, but
// it is not passed to the function.
inline constexpr uint32_t kNativeModuleSelf = 1u << 8;

// A slot exposed as a dunder (`int.__add__`): calls `owner`'s slot.
using SlotWrapperFn = Value (*)(ThreadState& ts, TypeObject* owner, Args args);

struct NativeFunctionObject {
    Object hdr;
    const char* name;
    NativeFn fn;            // null for slot wrappers
    SlotWrapperFn wrapper;  // non-null for slot wrappers
    uint32_t flags;         // MethodFlags
    Value self;             // bound receiver or null (owned)
    TypeObject* owner;      // the type a method belongs to (borrowed), null for functions
    Value module;           // __module__ name or null (owned)
};

// A function (no self). Null + MemoryError on failure.
Value make_native_function(ThreadState& ts, const char* name, NativeFn fn, Value module = Value());
Value make_native_method(Interpreter& interp, TypeObject* owner, const MethodDef& def);
Value make_slot_wrapper(Interpreter& interp, TypeObject* owner, const char* name, SlotWrapperFn fn);
// A bound copy: calling it passes `self` as args[0]. Binding a slot wrapper
// gives a method-wrapper (`(1).__add__`).
Value native_bind(ThreadState& ts, Value func, Value self);
// Calls the native function with args (prepending bound self if any). An
// unbound method checks that args[0] is an instance of its owner, with
// CPython's "descriptor 'append' for 'list' objects doesn't apply to a
// 'int' object" errors. This is the call slot of all three types below.
Value native_call(ThreadState& ts, Value func, Args args);

// builtin_function_or_method; wrapper_descriptor (`int.__add__`) and
// method-wrapper (`(1).__add__`) share its layout and slots.
void define_builtin_function_type(Interpreter& interp, TypeObject* t);
void define_wrapper_descriptor_type(Interpreter& interp, TypeObject* t);
void define_method_wrapper_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
