// asyncio.sleep(delay, result=None), native: the awaitable every waiting
// task creates, so it is kept small and makes no Python frame.
//
// sleep() returns a _SleepCoroutine, an object with the coroutine protocol
// (send, throw, close, __await__; registered as a collections.abc.Coroutine
// so asyncio.iscoroutine() and create_task() accept it). Its first step
// makes a future on the running loop and a timer-heap entry that completes
// the future with `result` at the deadline (no TimerHandle, no callback
// tuple), then yields the future like `await future` does. The step after
// the task's wakeup returns the result. A throw (the task was cancelled)
// cancels the future, which makes the heap entry dead: the loop drops it
// when it reaches the top, or earlier when dead entries pile up. sleep(0)
// (or a negative delay) yields None once instead: one turn of the loop.
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/iterators.hpp"
#include "runtime/str.hpp"
#include "stdlib/asyncio_state.hpp"

namespace gilt {

namespace {

enum class SleepState : uint8_t { Created, Waiting, Done };

struct SleepObject {
    Object hdr;
    double delay;
    Value result;  // owned
    Value fut;     // owned while waiting
    SleepState state;
};

SleepObject* sleep_obj(Value v) {
    return reinterpret_cast<SleepObject*>(v.as_object());
}

// The first step: start waiting (yields the future, or None for sleep(0)).
Value sleep_start(ThreadState& ts, SleepObject* s) {
    Value loop = asyncio_running_loop(ts);
    if (loop.is_null() || !is_native_loop(ts, loop)) {
        s->state = SleepState::Done;
        return raise(ts, ts.exc_types().RuntimeError, "no running event loop");
    }
    s->state = SleepState::Waiting;
    if (!(s->delay > 0)) return Value::none();
    auto* f = alloc_gc<FutureObject>(asyncio_state(ts.interp()).future);
    if (!f) return raise_memory_error(ts);
    f->loop = new_ref(loop);
    f->blocking = true;
    s->fut = val(f);
    LoopCore* core = loop_core(loop);
    loop_add_sleep_timer(core, loop_clock() + s->delay, new_ref(s->fut), new_ref(s->result));
    return new_ref(s->fut);
}

// Resumed after the wait: the result (StopIteration, or exhaustion for None).
Value sleep_finish(ThreadState& ts, SleepObject* s) {
    s->state = SleepState::Done;
    clear_ref(s->fut);
    Ref result(std::exchange(s->result, Value()));
    if (result.is_null() || (*result).is_none()) return Value();
    return raise_stop_iteration(ts, *result);
}

Value sleep_iternext(ThreadState& ts, Value self) {
    SleepObject* s = sleep_obj(self);
    switch (s->state) {
        case SleepState::Created:
            return sleep_start(ts, s);
        case SleepState::Waiting:
            return sleep_finish(ts, s);
        case SleepState::Done:
            break;
    }
    return raise(ts, ts.exc_types().RuntimeError, "cannot reuse already awaited coroutine");
}

// Stops waiting: the future is cancelled, so its timer entry is dead.
void sleep_abandon(ThreadState& ts, SleepObject* s) {
    s->state = SleepState::Done;
    clear_ref(s->result);
    Ref fut(std::exchange(s->fut, Value()));
    if (!fut || future_obj(*fut)->state != FutureState::Pending) return;
    Value loop = future_obj(*fut)->loop;
    if (!loop_core(loop)->closed) ++loop_core(loop)->cancelled_timers;
    if (future_cancel(ts, *fut, Value()) < 0) clear_exception(ts);
}

Value sleep_send(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "send", 1, 1)) return Value();
    SleepObject* s = sleep_obj(args[0]);
    if (s->state == SleepState::Created && !args[1].is_none()) {
        return raise(ts, ts.exc_types().TypeError,
                     "can't send non-None value to a just-started coroutine");
    }
    Value r = sleep_iternext(ts, args[0]);
    if (r.is_null() && !ts.has_exception()) return raise_stop_iteration(ts, Value::none());
    return r;
}

Value sleep_throw(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "throw", 1, 3)) return Value();
    sleep_abandon(ts, sleep_obj(args[0]));
    return raise_object(ts, args[1]);
}

Value sleep_close(ThreadState& ts, Args args) {
    sleep_abandon(ts, sleep_obj(args[0]));
    return Value::none();
}

Value sleep_await(ThreadState&, Args args) {
    return new_ref(args[0]);
}

constexpr MethodDef kSleepMethods[] = {
    {"send", sleep_send},
    {"throw", sleep_throw},
    {"close", sleep_close},
    {"__await__", sleep_await},
};

Value sleep_repr(ThreadState& ts, Value self) {
    return make_str(ts, fmt::format("<coroutine object sleep at {}>",
                                    static_cast<const void*>(self.as_object())));
}

void sleep_dealloc(Object* o) {
    auto* s = reinterpret_cast<SleepObject*>(o);
    clear_ref(s->result);
    clear_ref(s->fut);
    free_object(o);
}

void sleep_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* s = reinterpret_cast<SleepObject*>(o);
    if (!s->result.is_null()) visit(s->result, ctx);
    if (!s->fut.is_null()) visit(s->fut, ctx);
}

void sleep_clear(Object* o) {
    auto* s = reinterpret_cast<SleepObject*>(o);
    clear_ref(s->result);
    clear_ref(s->fut);
}

}  // namespace

// sleep(delay, result=None)
Value asyncio_sleep(ThreadState& ts, Args args) {
    Value delay, result;
    if (!parse_args(ts, args, "sleep", {"delay", "|", "result"}, {&delay, &result})) return Value();
    double d;
    if (!obj_as_double(ts, delay, &d)) return Value();
    auto* s = alloc_gc<SleepObject>(asyncio_state(ts.interp()).sleep);
    if (!s) return raise_memory_error(ts);
    s->delay = d;
    s->result = new_ref(result.is_null() ? Value::none() : result);
    return val(s);
}

TypeObject* make_sleep_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "_SleepCoroutine", ObjKind::Native,
                                       sizeof(SleepObject), interp.types.object, kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->dealloc = sleep_dealloc;
    t->traverse = sleep_traverse;
    t->clear = sleep_clear;
    t->repr = sleep_repr;
    t->iter = iter_self;
    t->iternext = sleep_iternext;
    t->await_ = [](ThreadState&, Value self) { return new_ref(self); };
    type_add_methods(interp, t, kSleepMethods);
    Ref mod(interp.intern("_asyncio"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace gilt
