// Tests for exception groups (runtime/exception_group.hpp): the class a new
// group gets, and the two runtime steps of `except*` called directly, as
// the eval loop calls them. Every expected string was produced by CPython
// 3.11 (the golden areas exception_groups and except_star cover the same
// ground from scripts).
#include <gtest/gtest.h>

#include <string>

#include "runtime/exception_group.hpp"
#include "runtime/list.hpp"
#include "runtime_test_util.hpp"

namespace gilt {
namespace {

class ExceptionGroupTest : public testing::RuntimeTest {
protected:
    Value group(const char* msg, std::initializer_list<Value> excs, TypeObject* t = nullptr) {
        return call(t ? t : E.ExceptionGroup, {s(msg), tuple(excs)});
    }
    Value list(std::initializer_list<Value> items) {
        Value l = keep(list_new(ts));
        for (Value v : items) EXPECT_TRUE(list_append(ts, l, v));
        return l;
    }
    // CHECK_EG_MATCH's result as "match | rest".
    std::string match(Value exc, Value spec) {
        Value m, r;
        if (!exception_group_match(ts, exc, spec, &m, &r)) return error();
        keep(m);
        keep(r);
        return repr(m) + " | " + repr(r);
    }
};

TEST_F(ExceptionGroupTest, TheClassFollowsTheLeaves) {
    Value only_exceptions = group("m", {call(E.ValueError, {i(1)})}, E.BaseExceptionGroup);
    EXPECT_EQ(type_of(ts, only_exceptions), E.ExceptionGroup);
    Value mixed = group("m", {call(E.KeyboardInterrupt, {})}, E.BaseExceptionGroup);
    EXPECT_EQ(type_of(ts, mixed), E.BaseExceptionGroup);
    EXPECT_EQ(repr(group("m", {call(E.KeyboardInterrupt, {})})),
              "TypeError: Cannot nest BaseExceptions in an ExceptionGroup");
    EXPECT_EQ(str(only_exceptions), "m (1 sub-exception)");
    EXPECT_TRUE(is_exception_group(ts, mixed));
    EXPECT_FALSE(is_exception_group(ts, call(E.ValueError, {})));
}

TEST_F(ExceptionGroupTest, MatchSplitsGroupsAndWrapsNakedExceptions) {
    Value v = call(E.ValueError, {i(1)});
    Value t = call(E.TypeError, {i(2)});
    Value eg = group("eg", {v, t});
    EXPECT_EQ(match(eg, val(E.ValueError)),
              "ExceptionGroup('eg', [ValueError(1)]) | ExceptionGroup('eg', [TypeError(2)])");
    EXPECT_EQ(match(eg, val(E.KeyError)),
              "None | ExceptionGroup('eg', [ValueError(1), TypeError(2)])");
    EXPECT_EQ(match(eg, val(E.Exception)),
              "ExceptionGroup('eg', (ValueError(1), TypeError(2))) | None");
    EXPECT_EQ(match(v, val(E.ValueError)), "ExceptionGroup('', (ValueError(1),)) | None");
    EXPECT_EQ(match(v, val(E.KeyError)), "None | ValueError(1)");
    EXPECT_EQ(check_except_star_type(ts, tuple({val(E.ValueError), val(E.ExceptionGroup)})), -1);
    EXPECT_EQ(error(),
              "TypeError: catching ExceptionGroup with except* is not allowed. Use except "
              "instead.");
    EXPECT_EQ(check_except_star_type(ts, val(E.ValueError)), 0);
}

TEST_F(ExceptionGroupTest, PrepReraiseKeepsTheOriginalShape) {
    Value v = call(E.ValueError, {i(1)});
    Value t = call(E.TypeError, {i(2)});
    Value o = call(E.OSError, {i(3)});
    Value eg = group("eg", {v, group("inner", {t, o})});
    Value m, rest;
    ASSERT_TRUE(exception_group_match(ts, eg, val(E.TypeError), &m, &rest));
    keep(m);
    keep(rest);
    // Nothing raised in the clauses, nothing left: nothing to re-raise.
    EXPECT_EQ(repr(keep(exception_group_prep_reraise(ts, eg, list({Value::none()})))), "None");
    // The matched part re-raised (bare `raise`) and the rest come back
    // together, in the original group's shape.
    EXPECT_EQ(repr(keep(exception_group_prep_reraise(ts, eg, list({m, rest})))),
              "ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [TypeError(2), "
              "OSError(3)])])");
    // A new exception raised in a clause joins the rest in a new group (it
    // is told from a re-raised one by its metadata: here its context).
    Value k = call(E.KeyError, {s("new")});
    exception_set_context(k, o);
    EXPECT_EQ(repr(keep(exception_group_prep_reraise(ts, eg, list({k, rest})))),
              "ExceptionGroup('', [KeyError('new'), ExceptionGroup('eg', [ValueError(1), "
              "ExceptionGroup('inner', [OSError(3)])])])");
    EXPECT_EQ(repr(keep(exception_group_prep_reraise(ts, eg, list({k, Value::none()})))),
              "KeyError('new')");
    // A naked exception: what the one clause raised goes on as it is.
    EXPECT_EQ(repr(keep(exception_group_prep_reraise(ts, v, list({k, Value::none()})))),
              "KeyError('new')");
    EXPECT_EQ(repr(keep(exception_group_prep_reraise(ts, v, list({v})))), "ValueError(1)");
}

}  // namespace
}  // namespace gilt
