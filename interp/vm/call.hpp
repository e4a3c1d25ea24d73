// Calling a Python function from C++: binding the arguments to a fresh
// frame (positional, keywords, defaults, *args/**kwargs) and running it in
// the eval loop. Defined in call.cpp.
//
// The runtime reaches these from below: the function type's call slot is
// function_call, and call_method's fast path uses function_call_self. That
// is one of the listed exceptions to the layering rule (tools/check_layers.py),
// as in CPython, where Objects/funcobject.c's vectorcall enters ceval.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// Calls `func` (a FunctionObject) with `args`. New reference, or null with
// an exception pending.
Value function_call(ThreadState& ts, Value func, Args args);

// function_call(func, self, *args) without building the argument array
// when the call has the simple shape.
Value function_call_self(ThreadState& ts, Value func, Value self, Args args);

}  // namespace gilt
