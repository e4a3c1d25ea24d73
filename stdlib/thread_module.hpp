// _thread: the native half of threading (threads, locks, idents).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// The module object (a new reference), or null with an exception pending.
Value init_thread_module(ThreadState& ts);

}  // namespace gilt
