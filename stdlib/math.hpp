// The math module (CPython's mathmodule.c, minus the rarely used corners).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// Builds the `math` module: a new reference, or null with an exception.
Value init_math_module(ThreadState& ts);

}  // namespace gilt
