// _asyncio: the module that gathers the native asyncio types (Future, Task,
// Handle, TimerHandle and the loop base, Loop) and the per-thread and
// per-loop bookkeeping asyncio's Python half asks for: the running loop,
// the current task, all tasks. Nothing here is global: the state hangs off
// the interpreter (module_state "_asyncio"), and the running loop is keyed
// by thread.
#include "interp/vm/frame.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/generator.hpp"
#include "runtime/int.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/set.hpp"
#include "stdlib/asyncio_state.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

struct StateHolder {
    AsyncioState st;
    ~StateHolder() {
        decref(st.cancelled_error);
        decref(st.invalid_state_error);
        decref(st.task_repr);
        decref(st.future_repr);
        decref(st.callback_error);
        decref(st.task_stack);
        for (auto& [ts, loop] : st.running_loops) decref(loop);
    }
};

Value get_running_loop(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_running_loop", 0, 0)) return Value();
    Value loop = asyncio_running_loop(ts);
    if (loop.is_null()) return raise(ts, ts.exc_types().RuntimeError, "no running event loop");
    return new_ref(loop);
}

Value get_running_loop_or_none(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_get_running_loop", 0, 0)) return Value();
    Value loop = asyncio_running_loop(ts);
    return new_ref(loop.is_null() ? Value::none() : loop);
}

Value set_running_loop(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_set_running_loop", 1, 1)) return Value();
    return asyncio_set_running_loop(ts, args[0]);
}

// The loop argument of current_task/all_tasks: given, or the running one.
Value loop_arg(ThreadState& ts, Args args, const char* fname) {
    Value loop;
    if (!parse_args(ts, args, fname, {"|", "loop"}, {&loop})) return Value();
    if (!loop.is_null() && !loop.is_none()) return loop;
    loop = asyncio_running_loop(ts);
    if (loop.is_null()) raise(ts, ts.exc_types().RuntimeError, "no running event loop");
    return loop;
}

Value current_task(ThreadState& ts, Args args) {
    Value loop = loop_arg(ts, args, "current_task");
    if (loop.is_null()) return Value();
    if (!is_native_loop(ts, loop)) return Value::none();
    Value t = loop_core(loop)->current_task;
    return new_ref(t.is_null() ? Value::none() : t);
}

Value all_tasks(ThreadState& ts, Args args) {
    Value loop = loop_arg(ts, args, "all_tasks");
    if (loop.is_null()) return Value();
    Ref result(set_new(ts));
    if (!result) return Value();
    AsyncioState& st = asyncio_state(ts.interp());
    for (TaskObject* t = st.tasks; t; t = t->next) {
        if (t->fut.loop != loop || t->fut.state != FutureState::Pending) continue;
        if (t->coro.is_null()) continue;  // not initialised
        if (!set_add(ts, *result, val(t))) return Value();
    }
    return result.release();
}

// _set_helpers(future_repr, callback_error, task_stack): the Python
// functions the native types call for their repr, to report a failed
// callback, and for Task.get_stack/print_stack (which walk frame objects).
Value set_helpers(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_set_helpers", 3, 3)) return Value();
    AsyncioState& st = asyncio_state(ts.interp());
    set_ref(st.future_repr, new_ref(args[0]));
    set_ref(st.callback_error, new_ref(args[1]));
    set_ref(st.task_stack, new_ref(args[2]));
    return Value::none();
}

// _coro_line(coro): the line a suspended coroutine waits at, or None once
// it finished (what CPython reads from cr_frame.f_lineno for a task's repr).
Value coro_line(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_coro_line", 1, 1)) return Value();
    if (!is_generator_like(args[0])) return Value::none();
    auto* g = reinterpret_cast<GeneratorObject*>(args[0].as_object());
    if (!g->frame || g->state == GenState::Completed) return Value::none();
    if (g->state == GenState::Created) return make_int(ts, g->frame->code->firstlineno);
    return make_int(ts, g->frame->line());
}

// _reportable_tasks(): how many live tasks would be reported if they died
// now: pending ones, and finished ones whose exception nobody retrieved.
Value reportable_tasks(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_reportable_tasks", 0, 0)) return Value();
    int64_t n = 0;
    for (TaskObject* t = asyncio_state(ts.interp()).tasks; t; t = t->next)
        n += t->fut.state == FutureState::Pending || (t->fut.log_tb && !t->fut.reported);
    return make_int(ts, n);
}

constexpr MethodDef kAsyncioFunctions[] = {
    {"_reportable_tasks", reportable_tasks},
    {"_coro_line", coro_line},
    {"get_running_loop", get_running_loop},
    {"_get_running_loop", get_running_loop_or_none},
    {"_set_running_loop", set_running_loop},
    {"current_task", current_task},
    {"all_tasks", all_tasks},
    {"_set_helpers", set_helpers},
    {"sleep", asyncio_sleep},
};

bool make_exceptions(ThreadState& ts, AsyncioState& st) {
    st.cancelled_error = make_exception_class(ts, "asyncio.exceptions", "CancelledError",
                                              val(ts.exc_types().BaseException));
    if (st.cancelled_error.is_null()) return false;
    st.invalid_state_error = make_exception_class(ts, "asyncio.exceptions", "InvalidStateError",
                                                  val(ts.exc_types().Exception));
    return !st.invalid_state_error.is_null();
}

}  // namespace

AsyncioState& asyncio_state(Interpreter& interp) {
    return module_state<StateHolder>(interp, "_asyncio",
                                     [&](StateHolder& holder) {
                                         AsyncioState& st = holder.st;
                                         st.future = make_future_type(interp);
                                         st.task = make_task_type(interp, st.future);
                                         st.handle = make_handle_type(interp);
                                         st.timer_handle =
                                             make_timer_handle_type(interp, st.handle);
                                         st.loop = make_loop_type(interp);
                                         st.sleep = make_sleep_type(interp);
                                     })
        .st;
}

Value init_asyncio_module(ThreadState& ts) {
    AsyncioState& st = asyncio_state(ts.interp());
    if (st.cancelled_error.is_null() && !make_exceptions(ts, st)) return Value();
    Ref m(module_new(ts, "_asyncio"));
    if (!m || !module_add_functions(ts, *m, kAsyncioFunctions) ||
        !module_add_value(ts, *m, "Future", val(st.future)) ||
        !module_add_value(ts, *m, "Task", val(st.task)) ||
        !module_add_value(ts, *m, "Handle", val(st.handle)) ||
        !module_add_value(ts, *m, "TimerHandle", val(st.timer_handle)) ||
        !module_add_value(ts, *m, "Loop", val(st.loop)) ||
        !module_add_value(ts, *m, "_SleepCoroutine", val(st.sleep)) ||
        !module_add_value(ts, *m, "CancelledError", st.cancelled_error) ||
        !module_add_value(ts, *m, "InvalidStateError", st.invalid_state_error)) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
