// gilt: what a script may know about the host that runs it (not in CPython).
//
//     gilt.BudgetExceeded      RuntimeError subclass: a sandbox's budget of
//                              check points is spent (runtime/sandbox.hpp)
//     gilt.TimeLimitExceeded   BudgetExceeded subclass: a sandbox's time
//                              limit for the host's call has passed
//     gilt.sandboxed()         True in a sandboxed interpreter
//     gilt.budget_left()       check points left, or -1 without a budget
//
// A script catches the limits by these names; the host sees them as
// ScriptError type names "BudgetExceeded" / "TimeLimitExceeded".
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/module.hpp"
#include "runtime/sandbox.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value gilt_sandboxed(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "sandboxed", 0, 0)) return Value();
    return is_sandboxed(ts) ? Value::true_() : Value::false_();
}

Value gilt_budget_left(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "budget_left", 0, 0)) return Value();
    Sandbox* sb = ts.interp().sandbox.get();
    return make_int(ts, sb != nullptr ? sb->budget_left() : -1);
}

constexpr MethodDef kGiltFunctions[] = {
    {"sandboxed", gilt_sandboxed},
    {"budget_left", gilt_budget_left},
};

}  // namespace

Value init_gilt_module(ThreadState& ts) {
    Ref m(module_new(ts, "gilt"));
    if (!m || !module_add_functions(ts, *m, kGiltFunctions)) return Value();
    Value budget = sandbox_budget_error(ts);
    Value time = budget ? sandbox_time_error(ts) : Value();
    if (!time || !module_add_value(ts, *m, "BudgetExceeded", budget) ||
        !module_add_value(ts, *m, "TimeLimitExceeded", time)) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
