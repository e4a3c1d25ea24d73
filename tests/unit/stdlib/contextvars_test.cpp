// Tests for the C++ side of _contextvars (stdlib/contextvars.hpp), which the
// event loop uses to run callbacks and task steps in their own context.
#include <gtest/gtest.h>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "stdlib/contextvars.hpp"
#include "tests/unit/runtime/runtime_test_util.hpp"

namespace gilt {
namespace {

class ContextvarsTest : public testing::RuntimeTest {};

TEST_F(ContextvarsTest, RunEntersTheContextAndLeavesIt) {
    Value ctx = keep(context_copy_current(ts));
    ASSERT_FALSE(ctx.is_null());
    EXPECT_TRUE(is_context(ts, ctx));
    EXPECT_FALSE(is_context(ts, s("no")));
    Value before = ts.context;
    EXPECT_NE(before, ctx);
    // len("abc") inside the context: the result comes back, the thread's
    // context is the old one again.
    Value arg = s("abc");
    Value r = keep(context_run(ts, ctx, builtin("len"), Args{&arg, 1, nullptr}));
    EXPECT_EQ(repr(r), "3");
    EXPECT_EQ(ts.context, before);
    // An error inside leaves the context too.
    Value bad = i(1);
    EXPECT_TRUE(context_run(ts, ctx, builtin("len"), Args{&bad, 1, nullptr}).is_null());
    EXPECT_EQ(error(), "TypeError: object of type 'int' has no len()");
    EXPECT_EQ(ts.context, before);
}

TEST_F(ContextvarsTest, AContextCannotBeEnteredTwice) {
    Value ctx = keep(context_copy_current(ts));
    // ctx.run(ctx.run, len, "x"): the inner run finds ctx entered.
    Value inner[] = {attr(ctx, "run"), builtin("len"), s("x")};
    EXPECT_TRUE(context_run(ts, ctx, inner[0], Args{inner + 1, 2, nullptr}).is_null());
    std::string message = error();
    EXPECT_EQ(
        message.rfind("RuntimeError: cannot enter context: <_contextvars.Context object at ", 0),
        0u)
        << message;
    EXPECT_NE(message.find("is already entered"), std::string::npos);
    EXPECT_FALSE(ts.has_exception());
}

}  // namespace
}  // namespace gilt
