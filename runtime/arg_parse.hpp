// Argument parsing for native functions, with CPython's error messages.
//
//   Value a, b = Value(), key = Value();
//   if (!parse_args(ts, args, "sorted", {"iterable", "|", "$key", "$reverse"}, {&a, &key, &rev}))
//     return Value();
//
// Names before "|" are required, after it optional; a leading '$' marks a
// keyword-only parameter (optional when the spec has no "|" at all, so
// {"$key", "$reverse"} reads naturally; {"a", "$b", "|"} requires b); a leading '/' on a name marks it positional-only
// (its name cannot be passed as a keyword). Outputs are BORROWED values, or
// null for absent optional parameters.
#pragma once

#include <initializer_list>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

[[nodiscard]] bool parse_args(ThreadState& ts, Args args, std::string_view fname,
                              std::initializer_list<std::string_view> spec,
                              std::initializer_list<Value*> out);

// Fails with "f() takes no keyword arguments" if any keyword was passed.
[[nodiscard]] bool no_kwargs(ThreadState& ts, Args args, std::string_view fname);
// Checks that no keyword was passed ("f() takes no keyword arguments") and
// that min <= n <= max, with CPython's wording for each shape: "f() takes no
// arguments (1 given)" (max 0), "f() takes exactly one argument (0 given)"
// (exactly 1), "f expected 2 arguments, got 3", "f expected at least 1
// argument, got 0", "f expected at most 2 arguments, got 3". Functions that
// also take keywords check the positional count themselves.
[[nodiscard]] bool check_nargs(ThreadState& ts, Args args, std::string_view fname, uint32_t min,
                               uint32_t max);

}  // namespace gilt
