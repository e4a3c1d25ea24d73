// asyncio.Task, native: a Future that drives a coroutine.
//
// A task runs its coroutine in steps. Each step is one coro.send(None) (or
// coro.throw(exc) after the awaited future failed or the task was
// cancelled), made here in C++ inside the task's Context, with the task set
// as its loop's current task. What the coroutine yields decides what
// happens next (CPython's Task.__step):
//   - a Future of the same loop with _asyncio_future_blocking set (what
//     `await fut` yields): the task waits on it; the future's completion
//     queues a Wakeup, which starts the next step with its outcome;
//   - None (a bare `yield`, as asyncio.sleep(0) uses): the next step is
//     queued at once, giving the other ready callbacks their turn;
//   - anything else is a RuntimeError thrown into the coroutine next step.
// The coroutine returning finishes the task with its value; raising
// CancelledError cancels it; any other exception finishes it with that
// exception (SystemExit and KeyboardInterrupt also propagate out of the
// loop, as in CPython).
//
// cancel() asks the awaited future to cancel, or, when the task waits on
// nothing, marks it (must_cancel) so the next step throws CancelledError.
// cancelling()/uncancel() count the requests, which asyncio.timeout and
// TaskGroup use to tell their own cancellations from outside ones.
//
// Every live task is on its interpreter's intrusive list (all_tasks()),
// unlinked when it dies; the list holds no reference, like CPython's
// WeakSet of tasks, so a pending task nobody refers to is freed and
// reported ("Task was destroyed but it is pending!").
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/generator.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/asyncio_state.hpp"
#include "stdlib/contextvars.hpp"

namespace gilt {

namespace {

Value task_cancel_method(ThreadState& ts, Args args);
Value task_cancelling(ThreadState& ts, Args args);
Value task_uncancel(ThreadState& ts, Args args);
Value task_get_coro(ThreadState& ts, Args args);
Value task_get_context(ThreadState& ts, Args args);
Value task_get_name(ThreadState& ts, Args args);
Value task_set_name(ThreadState& ts, Args args);
Value task_get_stack(ThreadState& ts, Args args);
Value task_set_result(ThreadState& ts, Args args);
Value task_set_exception(ThreadState& ts, Args args);
Value task_print_stack(ThreadState& ts, Args args);
Value task_wakeup_method(ThreadState& ts, Args args);

constexpr MethodDef kTaskMethods[] = {
    {"cancel", task_cancel_method},    {"cancelling", task_cancelling},
    {"uncancel", task_uncancel},       {"get_coro", task_get_coro},
    {"get_context", task_get_context}, {"get_name", task_get_name},
    {"set_name", task_set_name},       {"get_stack", task_get_stack},
    {"set_result", task_set_result},   {"set_exception", task_set_exception},
    {"print_stack", task_print_stack}, {"_wakeup", task_wakeup_method},
};

Value get_must_cancel(ThreadState&, Value self) {
    return Value::boolean(task_obj(self)->fut.must_cancel);
}
Value get_fut_waiter(ThreadState&, Value self) {
    Value w = task_obj(self)->fut_waiter;
    return new_ref(w.is_null() ? Value::none() : w);
}
Value get_coro_attr(ThreadState&, Value self) {
    return new_ref(task_obj(self)->coro);
}

constexpr GetSetDef kTaskGetSets[] = {
    {"_must_cancel", get_must_cancel},
    {"_fut_waiter", get_fut_waiter},
    {"_coro", get_coro_attr},
};

Value self_task(Args args) {
    return args[0];
}

Value new_runtime_error(ThreadState& ts, const std::string& msg) {
    Ref m(make_str(ts, msg));
    if (!m) return Value();
    return call1(ts, val(ts.exc_types().RuntimeError), *m);
}

std::string repr_or_empty(ThreadState& ts, Value v) {
    Ref r(obj_repr(ts, v));
    if (!r) {
        clear_exception(ts);
        return "?";
    }
    return std::string(str_view(*r));
}

// Queues the next step of `task`, throwing `exc` in (consumed; may be null).
bool queue_step(ThreadState& ts, Value task, Value exc) {
    return loop_queue(ts, future_obj(task)->loop,
                      ReadyItem{ReadyItem::Step, new_ref(task), exc, Value()});
}

// Task.cancel for tasks, Future.cancel for plain futures.
int cancel_any(ThreadState& ts, Value fut, Value msg);

// A yielded object that is not one of our Futures but quacks like one
// (CPython's Task checks only for `_asyncio_future_blocking`): wait on it
// through its add_done_callback, with the task's _wakeup as the callback.
// 1 when waiting, -1 on an error raised here, 0 with *err set for the
// RuntimeError to throw into the coroutine (a bad yield).
int wait_on_future_like(ThreadState& ts, Value task, Value y, std::string* err) {
    TaskObject* t = task_obj(task);
    Ref blocking_name(ts.interp().intern("_asyncio_future_blocking"));
    Ref blocking(obj_getattr_opt(ts, y, *blocking_name));
    if (!blocking) {
        if (ts.has_exception()) return -1;
        *err = "Task got bad yield: " + repr_or_empty(ts, y);
        return 0;
    }
    if (blocking.get().is_none()) {
        *err = "Task got bad yield: " + repr_or_empty(ts, y);
        return 0;
    }
    Ref get_loop(ts.interp().intern("get_loop"));
    Ref loop(call_method(ts, y, *get_loop, {}));
    if (!loop) {
        clear_exception(ts);
        Ref loop_name(ts.interp().intern("_loop"));
        loop = Ref(obj_getattr(ts, y, *loop_name));
        if (!loop) return -1;
    }
    if (*loop != t->fut.loop) {
        *err = "Task " + repr_or_empty(ts, task) + " got Future " + repr_or_empty(ts, y) +
               " attached to a different loop";
        return 0;
    }
    int b = obj_truthy(ts, *blocking);
    if (b < 0) return -1;
    if (!b) {
        *err = "yield was used instead of yield from in task " + repr_or_empty(ts, task) +
               " with " + repr_or_empty(ts, y);
        return 0;
    }
    if (obj_setattr(ts, y, *blocking_name, Value::false_()) < 0) return -1;
    Ref wake_name(ts.interp().intern("_wakeup"));
    Ref wake(obj_getattr(ts, task, *wake_name));
    Ref add_name(ts.interp().intern("add_done_callback"));
    if (!wake || Ref(call_method(ts, y, *add_name, {*wake})).is_null()) return -1;
    set_ref(t->fut_waiter, new_ref(y));
    if (t->fut.must_cancel) {
        int r = cancel_any(ts, y, t->fut.cancel_message);
        if (r < 0) return -1;
        if (r) t->fut.must_cancel = false;
    }
    return 1;
}

// The coroutine yielded `y` (owned by the caller): wait on it, or arrange
// for the error a bad yield is.
bool handle_yield(ThreadState& ts, Value task, Value y) {
    TaskObject* t = task_obj(task);
    std::string err;
    if (is_future(ts, y)) {
        FutureObject* f = future_obj(y);
        if (f->loop != t->fut.loop) {
            err = "Task " + repr_or_empty(ts, task) + " got Future " + repr_or_empty(ts, y) +
                  " attached to a different loop";
        } else if (!f->blocking) {
            err = "yield was used instead of yield from in task " + repr_or_empty(ts, task) +
                  " with " + repr_or_empty(ts, y);
        } else if (y == task) {
            err = "Task cannot await on itself: " + repr_or_empty(ts, task);
        } else {
            f->blocking = false;
            if (!future_add_callback(ts, y, task, Value(), true)) return false;
            set_ref(t->fut_waiter, new_ref(y));
            if (t->fut.must_cancel) {
                int r = cancel_any(ts, y, t->fut.cancel_message);
                if (r < 0) return false;
                if (r) t->fut.must_cancel = false;
            }
            return true;
        }
    } else if (y.is_none()) {
        return queue_step(ts, task, Value());
    } else {
        int r = wait_on_future_like(ts, task, y, &err);
        if (r != 0) return r > 0;
    }
    Value exc = new_runtime_error(ts, err);
    if (exc.is_null()) return false;
    return queue_step(ts, task, exc);
}

// The coroutine raised (the exception is pending): finish the task with it.
bool handle_error(ThreadState& ts, Value task) {
    TaskObject* t = task_obj(task);
    AsyncioState& st = asyncio_state(ts.interp());
    Ref e(fetch_exception(ts));
    TypeObject* cancelled = reinterpret_cast<TypeObject*>(st.cancelled_error.as_object());
    if (is_instance_of(ts, *e, cancelled)) {
        set_ref(t->fut.cancelled_exc, new_ref(*e));
        return future_cancel(ts, task, Value()) >= 0;
    }
    if (!future_set_exception(ts, task, *e)) return false;
    if (!is_instance_of(ts, *e, ts.exc_types().Exception)) {
        // SystemExit, KeyboardInterrupt: stop the loop too.
        restore_exception(ts, e.release());
        return false;
    }
    return true;
}

// One send/throw into a coroutine or any object with send and throw.
SendResult resume_coro(ThreadState& ts, Value coro, Value exc, Value* out) {
    if (is_generator_like(coro)) {
        return exc.is_null() ? gen_send(ts, coro, Value::none(), out)
                             : gen_throw(ts, coro, new_ref(exc), out);
    }
    Value r = exc.is_null() ? call_method(ts, coro, ts.names().send, {Value::none()})
                            : call_method(ts, coro, ts.names().throw_, {exc});
    if (!r.is_null()) {
        *out = r;
        return SendResult::Yielded;
    }
    if (!exception_matches(ts, ts.exc_types().StopIteration)) return SendResult::Error;
    Ref stop(fetch_exception(ts));
    Value a = exc_obj(*stop)->args;
    *out = (!a.is_null() && tuple_size(a) > 0) ? new_ref(tuple_item(a, 0)) : Value::none();
    return SendResult::Returned;
}

bool report_step_error(ThreadState& ts, const std::string& msg) {
    Value exc = new_runtime_error(ts, msg);
    if (exc.is_null()) return false;
    restore_exception(ts, exc);
    return false;
}

}  // namespace

bool is_task(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of(ts, v), asyncio_state(ts.interp()).task);
}

bool task_step(ThreadState& ts, Value task, Value exc) {
    Ref keep = Ref::borrow(task);
    TaskObject* t = task_obj(task);
    if (t->fut.state != FutureState::Pending) {
        return report_step_error(ts, "_step(): already done: " + repr_or_empty(ts, task));
    }
    Ref thrown = Ref::borrow(exc);
    if (t->fut.must_cancel) {
        AsyncioState& st = asyncio_state(ts.interp());
        TypeObject* cancelled = reinterpret_cast<TypeObject*>(st.cancelled_error.as_object());
        if (thrown.is_null() || !is_instance_of(ts, *thrown, cancelled)) {
            thrown = Ref(future_cancelled_error(ts, task));
            if (!thrown) return false;
        }
        t->fut.must_cancel = false;
    }
    clear_ref(t->fut_waiter);
    LoopCore* core = loop_core(t->fut.loop);
    if (!core->current_task.is_null()) {
        return report_step_error(
            ts, "Cannot enter into task " + repr_or_empty(ts, task) + " while another task " +
                    repr_or_empty(ts, core->current_task) + " is being executed.");
    }
    if (!context_enter(ts, t->context)) return false;
    core->current_task = task;
    Value out;
    Ref coro = Ref::borrow(t->coro);
    SendResult r = resume_coro(ts, *coro, *thrown, &out);
    core->current_task = Value();
    context_exit(ts, t->context);
    switch (r) {
        case SendResult::Returned: {
            Ref v(out);
            if (t->fut.must_cancel) {
                t->fut.must_cancel = false;
                return future_cancel(ts, task, t->fut.cancel_message) >= 0;
            }
            return future_set_result(ts, task, *v);
        }
        case SendResult::Error:
            return handle_error(ts, task);
        case SendResult::Yielded: {
            Ref y(out);
            return handle_yield(ts, task, *y);
        }
    }
    return true;
}

bool task_wakeup(ThreadState& ts, Value task, Value fut) {
    FutureObject* f = future_obj(fut);
    if (f->state == FutureState::Cancelled) {
        Ref e(future_cancelled_error(ts, fut));
        if (!e) return false;
        return task_step(ts, task, *e);
    }
    if (!f->exception.is_null()) {
        f->log_tb = false;
        Ref e = Ref::borrow(f->exception);
        return task_step(ts, task, *e);
    }
    return task_step(ts, task, Value());
}

void task_list_link(AsyncioState& st, TaskObject* t) {
    t->prev = nullptr;
    t->next = st.tasks;
    if (st.tasks) st.tasks->prev = t;
    st.tasks = t;
}

namespace {

void task_list_unlink(AsyncioState& st, TaskObject* t) {
    if (t->prev) t->prev->next = t->next;
    if (t->next) t->next->prev = t->prev;
    if (st.tasks == t) st.tasks = t->next;
    t->prev = t->next = nullptr;
}

int task_cancel(ThreadState& ts, Value task, Value msg) {
    TaskObject* t = task_obj(task);
    t->fut.log_tb = false;
    if (t->fut.state != FutureState::Pending) return 0;
    ++t->num_cancels_requested;
    if (!t->fut_waiter.is_null()) {
        Ref w = Ref::borrow(t->fut_waiter);
        int r = cancel_any(ts, *w, msg);
        if (r != 0) return r;
    }
    t->fut.must_cancel = true;
    set_ref(t->fut.cancel_message, msg.is_null() ? Value() : new_ref(msg));
    return 1;
}

int cancel_any(ThreadState& ts, Value fut, Value msg) {
    if (is_task(ts, fut)) {
        if (type_of(ts, fut) == asyncio_state(ts.interp()).task) return task_cancel(ts, fut, msg);
    } else if (type_of(ts, fut) == asyncio_state(ts.interp()).future) {
        return future_cancel(ts, fut, msg);
    }
    // A subclass may override cancel(): call it by name.
    Ref name(ts.interp().intern("cancel"));
    Ref r(call_method(ts, fut, *name, {msg.is_null() ? Value::none() : msg}));
    if (!r) return -1;
    return obj_truthy(ts, *r);
}

Value task_cancel_method(ThreadState& ts, Args args) {
    Value self = args[0], msg;
    if (!parse_args(ts, args.drop_first(), "cancel", {"|", "msg"}, {&msg})) return Value();
    int r = task_cancel(ts, self, msg.is_null() ? Value::none() : msg);
    if (r < 0) return Value();
    return Value::boolean(r);
}

Value task_cancelling(ThreadState& ts, Args args) {
    return make_int(ts, task_obj(self_task(args))->num_cancels_requested);
}

Value task_uncancel(ThreadState& ts, Args args) {
    TaskObject* t = task_obj(self_task(args));
    if (t->num_cancels_requested > 0) --t->num_cancels_requested;
    return make_int(ts, t->num_cancels_requested);
}

Value task_get_coro(ThreadState&, Args args) {
    return new_ref(task_obj(self_task(args))->coro);
}

Value task_get_context(ThreadState&, Args args) {
    return new_ref(task_obj(self_task(args))->context);
}

Value task_get_name(ThreadState& ts, Args args) {
    TaskObject* t = task_obj(self_task(args));
    if (t->name.is_null()) {
        t->name = make_str(ts, fmt::format("Task-{}", t->number));
        if (t->name.is_null()) return Value();
    }
    return new_ref(t->name);
}

Value task_set_name(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "set_name", 1, 1)) return Value();
    Value s = obj_str(ts, args[1]);
    if (s.is_null()) return Value();
    set_ref(task_obj(self_task(args))->name, s);
    return Value::none();
}

// Only the coroutine finishes a task (CPython's Task refuses both).
Value task_set_result(ThreadState& ts, Args) {
    return raise(ts, ts.exc_types().RuntimeError, "Task does not support set_result operation");
}

Value task_set_exception(ThreadState& ts, Args) {
    return raise(ts, ts.exc_types().RuntimeError, "Task does not support set_exception operation");
}

// task._wakeup(fut): a future-like object the task waited on is done (its
// done-callback); the next step gets its outcome, as CPython's __wakeup.
Value task_wakeup_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "_wakeup", 1, 1)) return Value();
    Value task = args[0], fut = args[1];
    if (is_future(ts, fut)) return task_wakeup(ts, task, fut) ? Value::none() : Value();
    Ref result_name(ts.interp().intern("result"));
    Ref r(call_method(ts, fut, *result_name, {}));
    Ref exc(r ? Value() : fetch_exception(ts));
    return task_step(ts, task, *exc) ? Value::none() : Value();
}

// get_stack(*, limit=None) and print_stack(*, limit=None, file=None): the
// frames are walked in Python (asyncio.reprs.task_stack).
Value call_stack_helper(ThreadState& ts, Value task, Value limit, Value file, bool printing) {
    Value helper = asyncio_state(ts.interp()).task_stack;
    if (helper.is_null()) return list_new(ts, 0);
    return call_n(ts, helper,
                  {task, limit.is_null() ? Value::none() : limit,
                   file.is_null() ? Value::none() : file, Value::boolean(printing)});
}

Value task_get_stack(ThreadState& ts, Args args) {
    Value limit;
    if (!parse_args(ts, args.drop_first(), "get_stack", {"$limit"}, {&limit})) return Value();
    return call_stack_helper(ts, args[0], limit, Value(), false);
}

Value task_print_stack(ThreadState& ts, Args args) {
    Value limit, file;
    if (!parse_args(ts, args.drop_first(), "print_stack", {"$limit", "$file"}, {&limit, &file}))
        return Value();
    return call_stack_helper(ts, args[0], limit, file, true);
}

bool is_coroutine_like(ThreadState& ts, Value coro) {
    if (coro.is_object() && coro.as_object()->kind == ObjKind::Coroutine) return true;
    if (is_generator_like(coro)) return false;
    for (const char* name : {"send", "throw", "close"}) {
        Ref a(obj_getattr_opt(ts, coro, Ref(ts.interp().intern(name)).get()));
        if (!a) {
            clear_exception(ts);
            return false;
        }
    }
    return true;
}

Value task_new(ThreadState& ts, TypeObject* type, Args) {
    auto* t = alloc_gc<TaskObject>(type, type->basicsize);
    if (!t) return raise_memory_error(ts);
    AsyncioState& st = asyncio_state(ts.interp());
    task_list_link(st, t);
    return val(t);
}

int task_init(ThreadState& ts, Value self, Args args) {
    Value coro, loop, name, context;
    if (!parse_args(ts, args, "Task", {"coro", "$loop", "$name", "$context"},
                    {&coro, &loop, &name, &context}))
        return -1;
    TaskObject* t = task_obj(self);
    if (!is_coroutine_like(ts, coro)) {
        t->fut.reported = true;
        raise_fmt(ts, ts.exc_types().TypeError, "a coroutine was expected, got {}",
                  repr_or_empty(ts, coro));
        return -1;
    }
    Value l = asyncio_resolve_loop(ts, loop);
    if (l.is_null()) return -1;
    set_ref(t->fut.loop, l);
    if (context.is_null() || context.is_none()) {
        Value c = context_copy_current(ts);
        if (c.is_null()) return -1;
        set_ref(t->context, c);
    } else {
        set_ref(t->context, new_ref(context));
    }
    AsyncioState& st = asyncio_state(ts.interp());
    t->number = ++st.task_counter;
    if (!name.is_null() && !name.is_none()) {
        Value s = obj_str(ts, name);
        if (s.is_null()) return -1;
        set_ref(t->name, s);
    }
    set_ref(t->coro, new_ref(coro));
    return queue_step(ts, self, Value()) ? 0 : -1;
}

void task_clear_fields(TaskObject* t) {
    future_clear_fields(&t->fut);
    clear_ref(t->coro);
    clear_ref(t->context);
    clear_ref(t->name);
    clear_ref(t->fut_waiter);
}

void task_dealloc(Object* o) {
    if (future_report_on_death(o)) return;
    auto* t = reinterpret_cast<TaskObject*>(o);
    task_list_unlink(asyncio_state(*o->type->interp), t);
    task_clear_fields(t);
    free_object(o);
}

void task_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* t = reinterpret_cast<TaskObject*>(o);
    future_traverse_fields(&t->fut, visit, ctx);
    for (Value v : {t->coro, t->context, t->name, t->fut_waiter})
        if (!v.is_null()) visit(v, ctx);
}

void task_clear(Object* o) {
    if (future_report_on_death(o)) return;
    task_clear_fields(reinterpret_cast<TaskObject*>(o));
}

}  // namespace

TypeObject* make_task_type(Interpreter& interp, TypeObject* future) {
    TypeObject* t = type_alloc_builtin(interp, "Task", ObjKind::Native, sizeof(TaskObject), future,
                                       kTypeBaseType | kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->new_ = task_new;
    t->init = task_init;
    t->dealloc = task_dealloc;
    t->traverse = task_traverse;
    t->clear = task_clear;
    type_add_methods(interp, t, kTaskMethods);
    type_add_getsets(interp, t, kTaskGetSets);
    Ref mod(interp.intern("_asyncio"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace gilt
