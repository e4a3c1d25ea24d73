// The process calls of the posix module: fork and the fork hooks, waitpid
// and the wait-status macros, exec, process groups and sessions, CPU
// affinity, descriptor inheritance. Part of init_posix_module (os.cpp).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// Adds the functions and constants above to the posix module `m`.
[[nodiscard]] bool os_add_process_functions(ThreadState& ts, Value m);

}  // namespace gilt
