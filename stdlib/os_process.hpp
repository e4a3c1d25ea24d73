// The process calls of the posix module: fork and the fork hooks, waitpid
// and the wait-status macros, exec, process groups and sessions, CPU
// affinity, descriptor inheritance. Part of init_posix_module (os.cpp).
#pragma once

#include <string>
#include <vector>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// Adds the functions and constants above to the posix module `m`.
[[nodiscard]] bool os_add_process_functions(ThreadState& ts, Value m);

// A str or bytes argument for exec and the environment, as bytes (no NUL
// inside); TypeError / ValueError otherwise. Shared with _subprocess.
[[nodiscard]] bool os_string_arg(ThreadState& ts, Value v, std::string* out);
// Every item of an iterable through os_string_arg, appended to *out.
[[nodiscard]] bool os_string_list(ThreadState& ts, Value iterable, std::vector<std::string>* out);
// The char* array exec wants: pointers into `strings`, then a null.
std::vector<char*> c_string_array(std::vector<std::string>& strings);

}  // namespace gilt
