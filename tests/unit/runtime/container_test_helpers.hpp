// Shared fixture of the container tests (list, tuple, dict, set, range).
//
// Rows {Python expression, expected} run through MiniEval (mini_eval.hpp)
// and are re-checked against python3 by eval_tables.py; what MiniEval cannot
// spell (sets, keyword-only calls with callables, mutation) is built with
// the small helpers below and calls the C++ API directly.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "tests/unit/runtime/mini_eval.hpp"

namespace gilt::testing {

struct Case {
    const char* expr;
    const char* expected;
};

class ContainerTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();
    MiniEval eval{ts};

    void check(std::span<const Case> cases) {
        for (const Case& c : cases)
            EXPECT_EQ(eval.run(c.expr), c.expected) << "expression: " << c.expr;
        EXPECT_FALSE(ts.has_exception());
    }

    // "Type: message" of the pending exception (cleared); "<no exception>" if none.
    std::string error() { return eval.describe_exception(); }

    // repr(v), or the error it raised.
    std::string repr(Value v) {
        if (v.is_null()) return error();
        Ref r(obj_repr(ts, v));
        if (!r) return error();
        return std::string(str_view(*r));
    }
    std::string repr(const Ref& r) { return repr(*r); }

    Ref str(std::string_view s) { return Ref(make_str(ts, s)); }

    // A list of small ints.
    Ref ints(std::initializer_list<int64_t> values) {
        Ref l(list_new(ts));
        for (int64_t v : values) EXPECT_TRUE(list_append(ts, *l, Value::small_int(v)));
        return l;
    }
    Ref ints_range(int64_t n) {
        Ref l(list_new(ts));
        for (int64_t i = 0; i < n; ++i) EXPECT_TRUE(list_append(ts, *l, Value::small_int(i)));
        return l;
    }
    Ref tuple(std::initializer_list<Value> items) { return Ref(tuple_pack(ts, items)); }

    Ref call(Value callable, std::initializer_list<Value> args) {
        return Ref(obj_call(ts, callable,
                            Args{args.begin(), static_cast<uint32_t>(args.size()), nullptr}));
    }
    // callable(*args, **{names[i]: kwvalues[i]})
    Ref call_kw(Value callable, std::initializer_list<Value> args,
                std::initializer_list<const char*> names, std::initializer_list<Value> kwvalues) {
        std::vector<Value> argv(args);
        argv.insert(argv.end(), kwvalues.begin(), kwvalues.end());
        Ref kwnames(tuple_new(ts, names.size()));
        uint64_t i = 0;
        for (const char* n : names) tuple_obj(*kwnames)->items[i++] = interp.intern(n);
        return Ref(
            obj_call(ts, callable,
                     Args{argv.data(), static_cast<uint32_t>(args.size()), tuple_obj(*kwnames)}));
    }
    Ref method(Value obj, const char* name, std::initializer_list<Value> args) {
        Ref n(interp.intern(name));
        return Ref(call_method(ts, obj, *n, args));
    }
    Value type(TypeObject* t) { return val(t); }
};

}  // namespace gilt::testing
