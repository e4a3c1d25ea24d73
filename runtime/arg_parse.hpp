// Argument parsing for native functions, with CPython's error messages.
//
//   Value a, b = Value(), key = Value();
//   if (!parse_args(ts, args, "sorted", {"iterable", "|", "$key", "$reverse"}, {&a, &key, &rev}))
//     return Value();
//
// Names before "|" are required, after it optional; a leading '$' marks a
// keyword-only parameter (optional when the spec has no "|" at all, so
// {"$key", "$reverse"} reads naturally; {"a", "$b", "|"} requires b); a leading '/' on a name marks
// it positional-only (its name cannot be passed as a keyword). Outputs are BORROWED values, or null
// for absent optional parameters.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// The general case: keywords, missing or surplus arguments, errors.
[[nodiscard]] bool parse_args_slow(ThreadState& ts, Args args, std::string_view fname,
                                   std::initializer_list<std::string_view> spec,
                                   std::initializer_list<Value*> out);
// The same with a spec made at run time (the typed host functions of the
// embedding API build theirs from the names a host gives); at most 32
// parameters.
[[nodiscard]] bool parse_args_span(ThreadState& ts, Args args, std::string_view fname,
                                   std::span<const std::string_view> spec,
                                   std::span<Value* const> out);

// Inline because almost every call passes a few positional arguments and no
// keywords: then only the spec's shape matters, and that is a short scan of
// constant strings the compiler can often fold away.
[[nodiscard]] inline bool parse_args(ThreadState& ts, Args args, std::string_view fname,
                                     std::initializer_list<std::string_view> spec,
                                     std::initializer_list<Value*> out) {
    if (args.kwnames == nullptr) {
        if (args.n == 0 && (spec.size() == 0 || *spec.begin() == "|"))
            return true;  // all optional, none given
        uint32_t positional = 0, required = 0;
        bool optional = false, kwonly_before_bar = false, required_kwonly = false;
        for (std::string_view item : spec) {
            if (item.size() == 1 && item[0] == '|') {
                optional = true;
                required_kwonly = kwonly_before_bar;
            } else if (!item.empty() && item[0] == '$') {
                kwonly_before_bar |= !optional;
            } else {
                ++positional;
                required += optional ? 0 : 1;
            }
        }
        // Without "|" every keyword-only parameter is optional (see above), so
        // only "{..., "$b", "|"}" makes one required; the slow path words it.
        if (!required_kwonly && args.n >= required && args.n <= positional) {
            Value* const* outs = out.begin();
            for (uint32_t i = 0; i < args.n; ++i) *outs[i] = args.v[i];
            return true;
        }
    }
    return parse_args_slow(ts, args, fname, spec, out);
}

// Fails with "f() takes no keyword arguments" if any keyword was passed.
// Inline, like the checks below, because every builtin method call runs
// them: the names are only measured when an error is raised.
[[nodiscard]] bool no_kwargs_slow(ThreadState& ts, Args args, std::string_view fname);
[[nodiscard]] inline bool no_kwargs(ThreadState& ts, Args args, std::string_view fname) {
    if (args.kwnames == nullptr) [[likely]]
        return true;
    return no_kwargs_slow(ts, args, fname);
}

// Checks that no keyword was passed ("f() takes no keyword arguments") and
// that min <= n <= max, with CPython's wording for each shape: "f() takes no
// arguments (1 given)" (max 0), "f() takes exactly one argument (0 given)"
// (exactly 1), "f expected 2 arguments, got 3", "f expected at least 1
// argument, got 0", "f expected at most 2 arguments, got 3". Functions that
// also take keywords check the positional count themselves.
[[nodiscard]] bool check_nargs_slow(ThreadState& ts, Args args, std::string_view fname,
                                    uint32_t min, uint32_t max);
[[nodiscard]] inline bool check_nargs(ThreadState& ts, Args args, std::string_view fname,
                                      uint32_t min, uint32_t max) {
    if (args.kwnames == nullptr && args.n >= min && args.n <= max) [[likely]]
        return true;
    return check_nargs_slow(ts, args, fname, min, max);
}

// A builtin method's check: args[0] is the receiver, then min..max
// positional arguments and no keywords ("list.append", "list.append").
[[nodiscard]] inline bool method_args(ThreadState& ts, Args args, std::string_view qualname,
                                      std::string_view name, uint32_t min, uint32_t max) {
    return no_kwargs(ts, args, qualname) && check_nargs(ts, args.drop_first(), name, min, max);
}

// A time a script passes to sleep or to a timeout, as CPython's
// _PyTime_FromSecondsObject reads it: an int (or __index__) or a float (or
// __float__) counting units of `unit_ns` nanoseconds (1e9: seconds, 1e6:
// milliseconds). NaN is a ValueError, and so is every value whose count of
// nanoseconds does not fit in 64 bits an OverflowError ("timestamp too large
// to convert to C _PyTime_t" for an int, "timestamp out of range for
// platform time_t" for a float), so what callers get, in seconds, is finite
// and within about +-292 years: safe to turn into any clock's duration.
[[nodiscard]] bool time_arg_seconds(ThreadState& ts, Value v, double unit_ns, double* seconds);

}  // namespace gilt
