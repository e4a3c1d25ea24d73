// The builtins module. Its functions are spread over builtins_*.cpp by
// theme; each file adds its own table to the module.
#pragma once

#include <initializer_list>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// Keyword arguments of a function that also takes *args (print, min, max):
// each name in `names` is stored (borrowed) in the matching output, null when
// absent; any other keyword raises CPython's "'x' is an invalid keyword
// argument for f()".
[[nodiscard]] bool take_keywords(ThreadState& ts, Args args, std::string_view fname,
                                 std::initializer_list<std::string_view> names,
                                 std::initializer_list<Value*> out);

// Each adds its group of functions to the builtins module. false on error.
[[nodiscard]] bool add_builtin_io_functions(ThreadState& ts, Value module);  // print, input, open
[[nodiscard]] bool add_builtin_numeric_functions(ThreadState& ts,
                                                 Value module);  // abs, sum, min, ...
[[nodiscard]] bool add_builtin_object_functions(ThreadState& ts,
                                                Value module);                  // len, getattr, ...
[[nodiscard]] bool add_builtin_exec_functions(ThreadState& ts, Value module);   // exec, eval, ...
[[nodiscard]] bool add_builtin_async_functions(ThreadState& ts, Value module);  // aiter, anext

}  // namespace gilt
