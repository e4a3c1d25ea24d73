// Argument parsing for native functions (see arg_parse.hpp).
//
// parse_args follows Argument Clinic's _PyArg_UnpackKeywords (CPython 3.11
// Python/getargs.c) step by step, so that the order in which errors are
// detected, and their wording, match: too many arguments in all, too many
// positional, too few positional-only, then each parameter from the first
// one not given positionally (missing required ones reported by name and
// position), then a keyword that duplicates a positional argument, and
// last an unknown keyword.
#include "runtime/arg_parse.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

constexpr uint32_t kMaxParams = 32;

struct Param {
    std::string_view name;
    bool kwonly;
    bool posonly;
};

struct Spec {
    Param params[kMaxParams];
    uint32_t count = 0;
    uint32_t posonly = 0;   // leading positional-only parameters
    uint32_t maxpos = 0;    // parameters that may be given positionally
    uint32_t minpos = 0;    // required positional parameters
    uint32_t reqlimit = 0;  // required keyword-only parameters are [maxpos, reqlimit)
};

Spec parse_spec(std::span<const std::string_view> spec) {
    Spec s;
    uint32_t optional_from = UINT32_MAX;  // without "|": every keyword-only one is optional
    for (std::string_view item : spec) {
        if (item == "|") {
            optional_from = s.count;
            continue;
        }
        assert(s.count < kMaxParams);
        Param& p = s.params[s.count++];
        p.kwonly = !item.empty() && item[0] == '$';
        p.posonly = !item.empty() && item[0] == '/';
        p.name = (p.kwonly || p.posonly) ? item.substr(1) : item;
        if (p.posonly) ++s.posonly;
        if (!p.kwonly) ++s.maxpos;
    }
    optional_from = std::min(optional_from, optional_from == UINT32_MAX ? s.maxpos : s.count);
    s.minpos = std::min(optional_from, s.maxpos);
    s.reqlimit = std::max(optional_from, s.maxpos);
    return s;
}

const char* plural(uint64_t n) {
    return n == 1 ? "" : "s";
}

// The value passed by keyword `name`, or null.
Value find_keyword(Args args, std::string_view name) {
    TupleObject* kw = args.kwnames;
    for (uint64_t j = 0; j < kw->size; ++j)
        if (str_view(kw->items[j]) == name) return args.v[args.n + j];
    return Value();
}

bool error_unexpected_keyword(ThreadState& ts, Args args, const Spec& s, std::string_view fname) {
    TupleObject* kw = args.kwnames;
    for (uint64_t j = 0; j < kw->size; ++j) {
        std::string_view key = str_view(kw->items[j]);
        bool known = false;
        for (uint32_t i = s.posonly; i < s.count && !known; ++i) known = s.params[i].name == key;
        if (!known) {
            raise_fmt(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for {}()",
                      key, fname);
            return false;
        }
    }
    raise_fmt(ts, ts.exc_types().TypeError, "{}() got an unexpected keyword argument", fname);
    return false;
}

bool check_counts(ThreadState& ts, const Spec& s, uint32_t n, uint32_t nkw,
                  std::string_view fname) {
    TypeObject* TypeError = ts.exc_types().TypeError;
    if (n + nkw > s.count) {
        raise_fmt(ts, TypeError, "{}() takes at most {} {}argument{} ({} given)", fname, s.count,
                  n == 0 ? "keyword " : "", plural(s.count), n + nkw);
        return false;
    }
    if (n > s.maxpos) {
        if (s.maxpos == 0) {
            raise_fmt(ts, TypeError, "{}() takes no positional arguments", fname);
        } else {
            raise_fmt(ts, TypeError, "{}() takes {} {} positional argument{} ({} given)", fname,
                      s.minpos < s.maxpos ? "at most" : "exactly", s.maxpos, plural(s.maxpos), n);
        }
        return false;
    }
    uint32_t minposonly = std::min(s.posonly, s.minpos);
    if (n < minposonly) {
        raise_fmt(ts, TypeError, "{}() takes {} {} positional argument{} ({} given)", fname,
                  minposonly < s.maxpos ? "at least" : "exactly", minposonly, plural(minposonly),
                  n);
        return false;
    }
    return true;
}

}  // namespace

bool parse_args_slow(ThreadState& ts, Args args, std::string_view fname,
                     std::initializer_list<std::string_view> spec,
                     std::initializer_list<Value*> out) {
    return parse_args_span(ts, args, fname, std::span(spec.begin(), spec.size()),
                           std::span(out.begin(), out.size()));
}

bool parse_args_span(ThreadState& ts, Args args, std::string_view fname,
                     std::span<const std::string_view> spec, std::span<Value* const> out) {
    const Spec s = parse_spec(spec);
    assert(out.size() == s.count);
    Value* const* outs = out.data();
    uint32_t n = args.n;
    uint32_t nkw = args.kw_count();
    bool required_kwonly = s.reqlimit > s.maxpos;
    if (nkw == 0 && !required_kwonly && s.minpos <= n && n <= s.maxpos) {
        for (uint32_t i = 0; i < n; ++i) *outs[i] = args[i];
        return true;
    }
    if (!check_counts(ts, s, n, nkw, fname)) return false;
    for (uint32_t i = 0; i < n; ++i) *outs[i] = args[i];
    for (uint32_t i = std::max(s.posonly, n); i < s.count; ++i) {
        Value v = nkw ? find_keyword(args, s.params[i].name) : Value();
        if (!v.is_null()) {
            *outs[i] = v;
            --nkw;
        } else if (i < s.minpos || (i >= s.maxpos && i < s.reqlimit)) {
            raise_fmt(ts, ts.exc_types().TypeError, "{}() missing required argument '{}' (pos {})",
                      fname, s.params[i].name, i + 1);
            return false;
        }
    }
    if (nkw == 0) return true;
    for (uint32_t i = s.posonly; i < n; ++i) {
        if (!find_keyword(args, s.params[i].name).is_null()) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "argument for {}() given by name ('{}') and position ({})", fname,
                      s.params[i].name, i + 1);
            return false;
        }
    }
    return error_unexpected_keyword(ts, args, s, fname);
}

bool no_kwargs_slow(ThreadState& ts, Args args, std::string_view fname) {
    if (args.kw_count() == 0) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", fname);
    return false;
}

bool check_nargs_slow(ThreadState& ts, Args args, std::string_view fname, uint32_t min,
                      uint32_t max) {
    if (!no_kwargs(ts, args, fname)) return false;
    uint32_t n = args.n;
    if (n >= min && n <= max) return true;
    TypeObject* TypeError = ts.exc_types().TypeError;
    if (max == 0) {
        raise_fmt(ts, TypeError, "{}() takes no arguments ({} given)", fname, n);
    } else if (min == 1 && max == 1) {
        raise_fmt(ts, TypeError, "{}() takes exactly one argument ({} given)", fname, n);
    } else if (min == max) {
        raise_fmt(ts, TypeError, "{} expected {} argument{}, got {}", fname, min, plural(min), n);
    } else if (n < min) {
        raise_fmt(ts, TypeError, "{} expected at least {} argument{}, got {}", fname, min,
                  plural(min), n);
    } else {
        raise_fmt(ts, TypeError, "{} expected at most {} argument{}, got {}", fname, max,
                  plural(max), n);
    }
    return false;
}

bool time_arg_seconds(ThreadState& ts, Value v, double unit_ns, double* seconds) {
    // 2**63 nanoseconds: the first count that does not fit.
    constexpr double kLimitNs = 9223372036854775808.0;
    if (is_float(v) || (!is_int(v) && type_of(ts, v)->nb_float)) {
        double d;
        if (!obj_as_double(ts, v, &d)) return false;
        if (std::isnan(d)) {
            raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        double ns = std::nearbyint(d * unit_ns);
        if (!(ns >= -kLimitNs && ns < kLimitNs)) {
            raise(ts, ts.exc_types().OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        *seconds = ns / 1e9;
        return true;
    }
    Ref index(obj_index_value(ts, v));
    if (!index) return false;
    Value i = *index;
    int64_t n;
    if (!int_to_int64(i, &n) || std::fabs(static_cast<double>(n) * unit_ns) >= kLimitNs) {
        raise(ts, ts.exc_types().OverflowError, "timestamp too large to convert to C _PyTime_t");
        return false;
    }
    *seconds = static_cast<double>(n) * unit_ns / 1e9;
    return true;
}

}  // namespace gilt
