// asyncio.Future, native: a result that is not there yet.
//
// A future is PENDING until set_result, set_exception or cancel moves it to
// FINISHED or CANCELLED, once. Then its done-callbacks are queued on its loop
// (never run inline: a callback always runs from the loop, in the Context it
// was added with). A Task waiting on the future is a callback too, kept as
// the task itself with `wakeup` set, so awaiting costs no bound method.
//
// `await fut` works without a separate iterator: __await__ returns the
// future, and its __next__ yields the future itself while it is pending
// (with _asyncio_future_blocking set, the flag Task checks to tell an
// awaited future from a bare `yield`) and returns its result once done, as
// CPython's FutureIter does. A thrown exception needs no throw(): the
// coroutine raises it at the await, which is what FutureIter.throw does.
//
// An exception nobody retrieved (result() or exception() never called) is
// reported when the future dies, through the loop's exception handler:
// "Future exception was never retrieved" (CPython's __del__).
#include <cstdlib>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/asyncio_state.hpp"
#include "stdlib/contextvars.hpp"

namespace gilt {

namespace {

Value fut_result(ThreadState& ts, Args args);
Value fut_exception(ThreadState& ts, Args args);
Value fut_set_result(ThreadState& ts, Args args);
Value fut_set_exception(ThreadState& ts, Args args);
Value fut_cancel(ThreadState& ts, Args args);
Value fut_cancelled(ThreadState& ts, Args args);
Value fut_done(ThreadState& ts, Args args);
Value fut_add_done_callback(ThreadState& ts, Args args);
Value fut_remove_done_callback(ThreadState& ts, Args args);
Value fut_get_loop(ThreadState& ts, Args args);
Value fut_await(ThreadState& ts, Args args);
Value fut_make_cancelled_error(ThreadState& ts, Args args);

constexpr MethodDef kFutureMethods[] = {
    {"result", fut_result},
    {"exception", fut_exception},
    {"set_result", fut_set_result},
    {"set_exception", fut_set_exception},
    {"cancel", fut_cancel},
    {"cancelled", fut_cancelled},
    {"done", fut_done},
    {"add_done_callback", fut_add_done_callback},
    {"remove_done_callback", fut_remove_done_callback},
    {"get_loop", fut_get_loop},
    {"__await__", fut_await},
    {"__iter__", fut_await},
    {"_make_cancelled_error", fut_make_cancelled_error},
};

const char* state_name(FutureState s) {
    switch (s) {
        case FutureState::Pending:
            return "PENDING";
        case FutureState::Cancelled:
            return "CANCELLED";
        case FutureState::Finished:
            return "FINISHED";
    }
    return "";
}

Value get_blocking(ThreadState&, Value self) {
    return Value::boolean(future_obj(self)->blocking);
}
int set_blocking(ThreadState& ts, Value self, Value v) {
    int b = v.is_null() ? 0 : obj_truthy(ts, v);
    if (b < 0) return -1;
    future_obj(self)->blocking = b;
    return 0;
}
Value get_state(ThreadState& ts, Value self) {
    return make_str(ts, state_name(future_obj(self)->state));
}
Value get_loop_attr(ThreadState&, Value self) {
    Value l = future_obj(self)->loop;
    return new_ref(l.is_null() ? Value::none() : l);
}
Value get_exception_attr(ThreadState&, Value self) {
    Value e = future_obj(self)->exception;
    return new_ref(e.is_null() ? Value::none() : e);
}
Value get_result_attr(ThreadState&, Value self) {
    Value r = future_obj(self)->result;
    return new_ref(r.is_null() ? Value::none() : r);
}
Value get_log_traceback(ThreadState&, Value self) {
    return Value::boolean(future_obj(self)->log_tb);
}
int set_log_traceback(ThreadState& ts, Value self, Value v) {
    int b = v.is_null() ? 0 : obj_truthy(ts, v);
    if (b < 0) return -1;
    if (b) {
        raise(ts, ts.exc_types().ValueError, "_log_traceback can only be set to False");
        return -1;
    }
    future_obj(self)->log_tb = false;
    return 0;
}
Value get_cancel_message(ThreadState&, Value self) {
    Value m = future_obj(self)->cancel_message;
    return new_ref(m.is_null() ? Value::none() : m);
}
int set_cancel_message(ThreadState&, Value self, Value v) {
    set_ref(future_obj(self)->cancel_message, v.is_null() ? Value() : new_ref(v));
    return 0;
}

// _callbacks: [(fn, context), ...]; a waiting task appears as itself.
Value get_callbacks(ThreadState& ts, Value self) {
    FutureObject* f = future_obj(self);
    Ref out(list_new(ts, 0));
    if (!out) return Value();
    auto add = [&](const FutureCallback& cb) {
        if (cb.fn.is_null()) return true;
        Ref pair(tuple_pack(ts, {cb.fn, cb.context.is_null() ? Value::none() : cb.context}));
        return pair && list_append(ts, *out, *pair);
    };
    if (!add(f->cb0)) return Value();
    if (f->more)
        for (const FutureCallback& cb : *f->more)
            if (!add(cb)) return Value();
    return out.release();
}

constexpr GetSetDef kFutureGetSets[] = {
    {"_callbacks", get_callbacks},
    {"_asyncio_future_blocking", get_blocking, set_blocking},
    {"_state", get_state},
    {"_loop", get_loop_attr},
    {"_exception", get_exception_attr},
    {"_result", get_result_attr},
    {"_log_traceback", get_log_traceback, set_log_traceback},
    {"_cancel_message", get_cancel_message, set_cancel_message},
};

FutureObject* self_fut(Args args) {
    return future_obj(args[0]);
}

Value raise_invalid_state(ThreadState& ts, std::string_view msg) {
    Ref m(make_str(ts, msg));
    if (!m) return Value();
    Ref exc(call1(ts, asyncio_state(ts.interp()).invalid_state_error, *m));
    if (!exc) return Value();
    return raise_instance(ts, exc.release());
}

// A second set_result/set_exception (the message of CPython's C Future).
Value raise_already_done(ThreadState& ts, Value) {
    return raise_invalid_state(ts, "invalid state");
}

// Moves every callback to the loop's ready queue (references move too).
bool schedule_callbacks(ThreadState& ts, Value fut) {
    FutureObject* f = future_obj(fut);
    std::vector<FutureCallback>* more = std::exchange(f->more, nullptr);
    FutureCallback first = std::exchange(f->cb0, FutureCallback{});
    bool ok = true;
    auto queue_one = [&](FutureCallback& cb) {
        if (cb.fn.is_null()) return;
        ReadyItem item{cb.wakeup ? ReadyItem::Wakeup : ReadyItem::Callback, cb.fn, new_ref(fut),
                       cb.context};
        if (ok) {
            ok = loop_queue(ts, f->loop, item);
        } else {
            decref(item.a), decref(item.b), decref(item.c);
        }
    };
    queue_one(first);
    if (more) {
        for (FutureCallback& cb : *more) queue_one(cb);
        delete more;
    }
    return ok;
}

bool check_exception_value(ThreadState& ts, Ref& exc) {
    if (is_exception_type(ts, *exc)) {
        exc = Ref(call0(ts, *exc));
        if (!exc) return false;
    }
    if (!is_exception_instance(ts, *exc)) {
        raise(ts, ts.exc_types().TypeError, "invalid exception object");
        return false;
    }
    if (is_instance_of(ts, *exc, ts.exc_types().StopIteration)) {
        raise(ts, ts.exc_types().TypeError,
              "StopIteration interacts badly with generators and cannot be raised into a Future");
        return false;
    }
    return true;
}

Value fut_result(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "result", 0, 0)) return Value();
    FutureObject* f = self_fut(args);
    if (f->state == FutureState::Cancelled) {
        Value e = future_cancelled_error(ts, args[0]);
        return e.is_null() ? Value() : raise_instance(ts, e);
    }
    if (f->state == FutureState::Pending) return raise_invalid_state(ts, "Result is not set.");
    f->log_tb = false;
    if (!f->exception.is_null()) {
        restore_exception(ts, new_ref(f->exception));
        return Value();
    }
    return new_ref(f->result);
}

Value fut_exception(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "exception", 0, 0)) return Value();
    FutureObject* f = self_fut(args);
    if (f->state == FutureState::Cancelled) {
        Value e = future_cancelled_error(ts, args[0]);
        return e.is_null() ? Value() : raise_instance(ts, e);
    }
    if (f->state == FutureState::Pending) return raise_invalid_state(ts, "Exception is not set.");
    f->log_tb = false;
    return new_ref(f->exception.is_null() ? Value::none() : f->exception);
}

Value fut_set_result(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "set_result", 1, 1)) return Value();
    if (!future_set_result(ts, args[0], args[1])) return Value();
    return Value::none();
}

Value fut_set_exception(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "set_exception", 1, 1)) return Value();
    if (!future_set_exception(ts, args[0], args[1])) return Value();
    return Value::none();
}

Value fut_cancel(ThreadState& ts, Args args) {
    Value self = args[0], msg;
    if (!parse_args(ts, args.drop_first(), "cancel", {"|", "msg"}, {&msg})) return Value();
    int r = future_cancel(ts, self, msg.is_null() ? Value::none() : msg);
    if (r < 0) return Value();
    return Value::boolean(r);
}

Value fut_cancelled(ThreadState&, Args args) {
    return Value::boolean(self_fut(args)->state == FutureState::Cancelled);
}

Value fut_done(ThreadState&, Args args) {
    return Value::boolean(self_fut(args)->state != FutureState::Pending);
}

Value fut_add_done_callback(ThreadState& ts, Args args) {
    Value self = args[0], fn, context;
    if (!parse_args(ts, args.drop_first(), "add_done_callback", {"fn", "$context"},
                    {&fn, &context}))
        return Value();
    Ref ctx;
    if (context.is_null() || context.is_none()) {
        ctx = Ref(context_copy_current(ts));
        if (!ctx) return Value();
    } else {
        ctx = Ref::borrow(context);
    }
    if (!future_add_callback(ts, self, fn, *ctx, false)) return Value();
    return Value::none();
}

bool same_callback(ThreadState& ts, const FutureCallback& cb, Value fn, int* eq) {
    if (cb.wakeup || cb.fn.is_null()) {
        *eq = 0;
        return true;
    }
    *eq = obj_eq(ts, cb.fn, fn);
    return *eq >= 0;
}

Value fut_remove_done_callback(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "remove_done_callback", 1, 1)) return Value();
    FutureObject* f = self_fut(args);
    int64_t removed = 0;
    std::vector<FutureCallback> keep;
    auto sift = [&](FutureCallback& cb) {
        int eq;
        if (!same_callback(ts, cb, args[1], &eq)) return false;
        if (eq) {
            ++removed;
            clear_ref(cb.fn);
            clear_ref(cb.context);
        } else if (!cb.fn.is_null()) {
            keep.push_back(std::exchange(cb, FutureCallback{}));
        }
        return true;
    };
    if (!sift(f->cb0)) return Value();
    if (f->more) {
        for (FutureCallback& cb : *f->more)
            if (!sift(cb)) return Value();
        f->more->clear();
    }
    if (!keep.empty()) {
        f->cb0 = keep.front();
        if (keep.size() > 1) {
            if (!f->more) f->more = new std::vector<FutureCallback>;
            f->more->assign(keep.begin() + 1, keep.end());
        }
    }
    return make_int(ts, removed);
}

Value fut_get_loop(ThreadState&, Args args) {
    return new_ref(self_fut(args)->loop);
}

Value fut_await(ThreadState&, Args args) {
    return new_ref(args[0]);
}

Value fut_make_cancelled_error(ThreadState& ts, Args args) {
    return future_cancelled_error(ts, args[0]);
}

// __next__ of the awaiting iterator (the future itself, see the top).
Value fut_iternext(ThreadState& ts, Value self) {
    FutureObject* f = future_obj(self);
    if (f->state == FutureState::Pending) {
        f->blocking = true;
        return new_ref(self);
    }
    Value args[] = {self};
    Ref r(fut_result(ts, Args{args, 1, nullptr}));
    if (!r) return Value();
    if ((*r).is_none()) return Value();  // exhausted: the await returns None
    return raise_stop_iteration(ts, *r);
}

Value fut_repr(ThreadState& ts, Value self) {
    Value helper = asyncio_state(ts.interp()).future_repr;
    if (!helper.is_null()) return call1(ts, helper, self);
    return make_str(
        ts, fmt::format("<{} {}>", type_name(ts, self), state_name(future_obj(self)->state)));
}

void visit_callback(const FutureCallback& cb, VisitFn visit, void* ctx) {
    if (!cb.fn.is_null()) visit(cb.fn, ctx);
    if (!cb.context.is_null()) visit(cb.context, ctx);
}

void clear_callbacks(FutureObject* f) {
    std::vector<FutureCallback>* more = std::exchange(f->more, nullptr);
    FutureCallback first = std::exchange(f->cb0, FutureCallback{});
    decref(first.fn);
    decref(first.context);
    if (more) {
        for (FutureCallback& cb : *more) {
            decref(cb.fn);
            decref(cb.context);
        }
        delete more;
    }
}

}  // namespace

bool is_future(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of(ts, v), asyncio_state(ts.interp()).future);
}

Value future_cancelled_error(ThreadState& ts, Value fut) {
    FutureObject* f = future_obj(fut);
    if (!f->cancelled_exc.is_null()) return std::exchange(f->cancelled_exc, Value());
    Value cls = asyncio_state(ts.interp()).cancelled_error;
    if (f->cancel_message.is_null() || f->cancel_message.is_none()) return call0(ts, cls);
    return call1(ts, cls, f->cancel_message);
}

bool future_set_result(ThreadState& ts, Value fut, Value result) {
    FutureObject* f = future_obj(fut);
    if (f->state != FutureState::Pending) {
        raise_already_done(ts, fut);
        return false;
    }
    set_ref(f->result, new_ref(result));
    f->state = FutureState::Finished;
    return schedule_callbacks(ts, fut);
}

bool future_set_exception(ThreadState& ts, Value fut, Value exc) {
    FutureObject* f = future_obj(fut);
    if (f->state != FutureState::Pending) {
        raise_already_done(ts, fut);
        return false;
    }
    Ref e = Ref::borrow(exc);
    if (!check_exception_value(ts, e)) return false;
    set_ref(f->exception, e.release());
    f->state = FutureState::Finished;
    f->log_tb = true;
    return schedule_callbacks(ts, fut);
}

int future_cancel(ThreadState& ts, Value fut, Value msg) {
    FutureObject* f = future_obj(fut);
    f->log_tb = false;
    if (f->state != FutureState::Pending) return 0;
    f->state = FutureState::Cancelled;
    set_ref(f->cancel_message, msg.is_null() ? Value() : new_ref(msg));
    return schedule_callbacks(ts, fut) ? 1 : -1;
}

bool future_add_callback(ThreadState& ts, Value fut, Value fn, Value context, bool wakeup) {
    FutureObject* f = future_obj(fut);
    FutureCallback cb{new_ref(fn), context.is_null() ? Value() : new_ref(context), wakeup};
    if (f->state != FutureState::Pending) {
        ReadyItem item{wakeup ? ReadyItem::Wakeup : ReadyItem::Callback, cb.fn, new_ref(fut),
                       cb.context};
        return loop_queue(ts, f->loop, item);
    }
    if (f->cb0.fn.is_null() && !f->more) {
        f->cb0 = cb;
        return true;
    }
    if (!f->more) f->more = new std::vector<FutureCallback>;
    f->more->push_back(cb);
    return true;
}

// --- lifetime ---

// CPython's Future.__del__ and Task.__del__: a future that dies holding an
// exception nobody retrieved, or a task that dies still pending, is reported
// through its loop's exception handler. Runs at most once (`reported`), with
// the object alive again for the call; returns true if the handler kept it.
bool future_report_on_death(Object* o) {
    FutureObject* f = reinterpret_cast<FutureObject*>(o);
    if (f->reported || f->loop.is_null()) return false;
    Interpreter& interp = *o->type->interp;
    AsyncioState& st = asyncio_state(interp);
    bool is_t = type_is_subtype(o->type, st.task);
    bool pending_task = is_t && f->state == FutureState::Pending;
    bool lost = f->log_tb && !f->exception.is_null();
    if (!pending_task && !lost) return false;
    ThreadState* ts = ThreadState::current(interp);
    if (!ts) return false;
    // The interpreter is being torn down (its modules are gone): there is
    // no exception handler left to call. asyncio collects at exit, before
    // that, so such tasks are reported while it still can.
    if (interp.modules.is_null() || dict_size(interp.modules) == 0) return false;
    f->reported = true;
    ++o->refcnt;
    Value saved = fetch_exception(*ts);
    {
        Ref ctx(dict_new(*ts));
        Value self = Value::object(o);
        bool ok = !ctx.is_null();
        if (ok && pending_task) {
            ok = dict_set_cstr(*ts, *ctx, "task", self) &&
                 dict_set_cstr(*ts, *ctx, "message",
                               Ref(make_str(*ts, "Task was destroyed but it is pending!")).get());
        } else if (ok) {
            std::string msg =
                std::string(is_t ? "Task" : "Future") + " exception was never retrieved";
            ok = dict_set_cstr(*ts, *ctx, "message", Ref(make_str(*ts, msg)).get()) &&
                 dict_set_cstr(*ts, *ctx, "exception", f->exception) &&
                 dict_set_cstr(*ts, *ctx, "future", self);
        }
        Ref loop = Ref::borrow(f->loop);
        Ref name(interp.intern("call_exception_handler"));
        if (ok) ok = !Ref(call_method(*ts, *loop, *name, {*ctx})).is_null();
        if (!ok) write_unraisable(*ts, *loop);
    }
    restore_exception(*ts, saved);
    return --o->refcnt != 0;
}

void future_clear_fields(FutureObject* f) {
    clear_ref(f->loop);
    clear_ref(f->result);
    clear_ref(f->exception);
    clear_ref(f->cancel_message);
    clear_ref(f->cancelled_exc);
    clear_callbacks(f);
}

void future_traverse_fields(FutureObject* f, VisitFn visit, void* ctx) {
    for (Value v : {f->loop, f->result, f->exception, f->cancel_message, f->cancelled_exc})
        if (!v.is_null()) visit(v, ctx);
    visit_callback(f->cb0, visit, ctx);
    if (f->more)
        for (const FutureCallback& cb : *f->more) visit_callback(cb, visit, ctx);
}

namespace {

void future_dealloc(Object* o) {
    if (future_report_on_death(o)) return;
    future_clear_fields(reinterpret_cast<FutureObject*>(o));
    free_object(o);
}

void future_traverse(Object* o, VisitFn visit, void* ctx) {
    future_traverse_fields(reinterpret_cast<FutureObject*>(o), visit, ctx);
}

void future_clear(Object* o) {
    if (future_report_on_death(o)) return;
    future_clear_fields(reinterpret_cast<FutureObject*>(o));
}

// The loop a new future or task belongs to: `loop` if given, else the
// running loop.
Value resolve_loop(ThreadState& ts, Value loop) {
    if (!loop.is_null() && !loop.is_none()) return new_ref(loop);
    AsyncioState& st = asyncio_state(ts.interp());
    auto it = st.running_loops.find(&ts);
    if (it == st.running_loops.end() || it->second.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "no running event loop");
    return new_ref(it->second);
}

Value future_new(ThreadState& ts, TypeObject* type, Args) {
    auto* f = alloc_gc<FutureObject>(type, type->basicsize);
    if (!f) return raise_memory_error(ts);
    return val(f);
}

int future_init(ThreadState& ts, Value self, Args args) {
    Value loop;
    if (!parse_args(ts, args, "Future", {"$loop"}, {&loop})) return -1;
    Value l = resolve_loop(ts, loop);
    if (l.is_null()) return -1;
    set_ref(future_obj(self)->loop, l);
    return 0;
}

}  // namespace

Value asyncio_resolve_loop(ThreadState& ts, Value loop) {
    return resolve_loop(ts, loop);
}

TypeObject* make_future_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "Future", ObjKind::Native, sizeof(FutureObject),
                                       interp.types.object, kTypeBaseType | kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->new_ = future_new;
    t->init = future_init;
    t->dealloc = future_dealloc;
    t->traverse = future_traverse;
    t->clear = future_clear;
    t->repr = fut_repr;
    t->iternext = fut_iternext;
    t->await_ = [](ThreadState&, Value self) { return new_ref(self); };
    type_add_methods(interp, t, kFutureMethods);
    type_add_getsets(interp, t, kFutureGetSets);
    Ref mod(interp.intern("_asyncio"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace gilt
