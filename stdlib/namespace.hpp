// types.SimpleNamespace (the type of sys.implementation): an object whose
// attributes are exactly its keyword arguments.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// The type, created on first use and kept for the interpreter's life.
TypeObject* simple_namespace_type(Interpreter& interp);
// A new namespace whose attributes are the items of `attrs` (a dict of
// str keys, borrowed; null for none).
Value make_namespace(ThreadState& ts, Value attrs);

}  // namespace gilt
