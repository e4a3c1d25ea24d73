// The event loop's native core (_asyncio.Loop) and its Handle/TimerHandle.
//
// The problem: thousands of coroutines share one thread. Each waits for
// something (a future, a timer, a readable socket); the loop runs whatever
// became runnable, one callback at a time, and sleeps in the kernel when
// nothing is. asyncio's Python classes (stdlib/lib/asyncio/) derive from
// this type and add the rest of the API (run_until_complete, sockets,
// streams, executors, exception handling).
//
// The state (LoopCore, all of it touched only with the GIL held):
//   - `ready`, a deque of ReadyItem: callbacks to run in the next iteration.
//     Work the runtime makes itself (a task's next step, a task's wakeup by
//     the future it awaited, a future's done-callback) is queued as a plain
//     struct, so a task step makes no Handle and no bound method; only
//     call_soon from Python makes a Handle, because the caller may cancel it.
//   - `timers`, a binary min-heap on (when, seq) of TimerHandles and of
//     asyncio.sleep's futures (completed with their result at the deadline,
//     see asyncio_sleep.cpp): `seq` keeps FIFO order among equal deadlines.
//     A cancelled entry stays in the heap until it reaches the top (counted
//     in `cancelled_timers`); when more than half the heap is cancelled the
//     heap is rebuilt without them, as CPython's _run_once does.
//   - an epoll descriptor for readiness (add_reader/add_writer; one
//     registration per fd covering both directions), and an eventfd
//     registered in it that call_soon_threadsafe writes to wake the loop.
//
// One iteration (_run_once, after CPython's BaseEventLoop._run_once):
//   1. timeout = 0 if anything is ready or the loop is stopping, else until
//      the earliest timer, else forever;
//   2. epoll_wait with the GIL released (the only place the loop lets other
//      threads run; signals are looked at, see stdlib/wait_fd.hpp);
//   3. the handles of ready descriptors and of due timers join `ready`;
//   4. exactly the items that were ready at this point run, in order; what
//      they queue waits for the next iteration, so a task that keeps
//      yielding cannot starve the timers or the descriptors.
// A callback that raises is reported through the loop's exception handler;
// SystemExit and KeyboardInterrupt stop run_forever and propagate.
//
// Threads: another thread may call call_soon_threadsafe while this one
// waits in epoll_wait: it takes the GIL, appends to `ready`, writes the
// eventfd, and the wait returns. Nothing here needs a lock besides the GIL.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/asyncio_state.hpp"
#include "stdlib/contextvars.hpp"
#include "stdlib/wait_fd.hpp"

namespace gilt {

namespace {

// --- Handle and TimerHandle ---

Value handle_cancel(ThreadState& ts, Args args);
Value handle_cancelled(ThreadState& ts, Args args);
Value handle_when(ThreadState& ts, Args args);
Value handle_get_context(ThreadState& ts, Args args);
Value handle_run(ThreadState& ts, Args args);

constexpr MethodDef kHandleMethods[] = {
    {"cancel", handle_cancel},
    {"cancelled", handle_cancelled},
    {"get_context", handle_get_context},
    {"_run", handle_run},
};
constexpr MethodDef kTimerHandleMethods[] = {{"when", handle_when}};

Value opt(Value v) {
    return new_ref(v.is_null() ? Value::none() : v);
}
Value get_callback(ThreadState&, Value self) {
    return opt(handle_obj(self)->callback);
}
Value get_args(ThreadState&, Value self) {
    return opt(handle_obj(self)->args);
}
Value get_handle_loop(ThreadState&, Value self) {
    return opt(handle_obj(self)->loop);
}

constexpr GetSetDef kHandleGetSets[] = {
    {"_callback", get_callback},
    {"_args", get_args},
    {"_loop", get_handle_loop},
};

Value handle_cancel(ThreadState&, Args args) {
    HandleObject* h = handle_obj(args[0]);
    if (!h->cancelled) {
        h->cancelled = true;
        if (h->scheduled && !h->loop.is_null()) ++loop_core(h->loop)->cancelled_timers;
        // Drop what the callback holds, so a cancelled timer far in the
        // future keeps nothing alive (CPython does the same).
        clear_ref(h->callback);
        clear_ref(h->args);
    }
    return Value::none();
}

Value handle_cancelled(ThreadState&, Args args) {
    return Value::boolean(handle_obj(args[0])->cancelled);
}

Value handle_when(ThreadState& ts, Args args) {
    return make_float(ts, handle_obj(args[0])->when);
}

Value handle_get_context(ThreadState&, Args args) {
    return opt(handle_obj(args[0])->context);
}

bool run_handle(ThreadState& ts, Value handle);

Value handle_run(ThreadState& ts, Args args) {
    if (!run_handle(ts, args[0])) return Value();
    return Value::none();
}

Value handle_repr(ThreadState& ts, Value self) {
    Value helper = asyncio_state(ts.interp()).future_repr;
    if (!helper.is_null()) return call1(ts, helper, self);
    HandleObject* h = handle_obj(self);
    std::string s = "<" + std::string(type_name(ts, self));
    if (h->cancelled) s += " cancelled";
    if (type_name(ts, self) == "TimerHandle") s += fmt::format(" when={}", h->when);
    if (!h->callback.is_null()) {
        Ref r(obj_repr(ts, h->callback));
        if (!r) return Value();
        s += " " + std::string(str_view(*r));
    }
    return make_str(ts, s + ">");
}

void handle_dealloc(Object* o) {
    auto* h = reinterpret_cast<HandleObject*>(o);
    clear_ref(h->callback);
    clear_ref(h->args);
    clear_ref(h->context);
    clear_ref(h->loop);
    free_object(o);
}

void handle_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* h = reinterpret_cast<HandleObject*>(o);
    for (Value v : {h->callback, h->args, h->context, h->loop})
        if (!v.is_null()) visit(v, ctx);
}

void handle_clear(Object* o) {
    auto* h = reinterpret_cast<HandleObject*>(o);
    clear_ref(h->callback);
    clear_ref(h->args);
    clear_ref(h->context);
    clear_ref(h->loop);
}

Value make_handle(ThreadState& ts, TypeObject* type, Value loop, Value callback, Value args,
                  Value context) {
    auto* h = alloc_gc<HandleObject>(type);
    if (!h) return raise_memory_error(ts);
    h->callback = new_ref(callback);
    h->args = new_ref(args);
    h->context = context.is_null() || context.is_none() ? Value() : new_ref(context);
    h->loop = new_ref(loop);
    return val(h);
}

// --- running callbacks ---

// A failed callback or step: hand the exception to the Python helper
// asyncio installed (it builds the context dict and calls the loop's
// exception handler). SystemExit and KeyboardInterrupt stay pending.
bool report_failure(ThreadState& ts, Value loop, Value what) {
    Ref e(fetch_exception(ts));
    if (!is_instance_of(ts, *e, ts.exc_types().Exception) &&
        !is_instance_of(ts, *e,
                        reinterpret_cast<TypeObject*>(
                            asyncio_state(ts.interp()).cancelled_error.as_object()))) {
        restore_exception(ts, e.release());
        return false;
    }
    Value helper = asyncio_state(ts.interp()).callback_error;
    if (helper.is_null()) {
        restore_exception(ts, e.release());
        write_unraisable(ts, loop);
        return true;
    }
    Ref r(call_n(ts, helper, {loop, *e, what}));
    if (!r) write_unraisable(ts, helper);
    return true;
}

bool run_handle(ThreadState& ts, Value handle) {
    HandleObject* h = handle_obj(handle);
    if (h->cancelled) return true;
    Ref fn = Ref::borrow(h->callback);
    Ref a = Ref::borrow(h->args);
    Ref loop = Ref::borrow(h->loop);
    TupleObject* t = tuple_obj(*a);
    return run_callback(ts, *loop, *fn, Args{t->items, static_cast<uint32_t>(t->size), nullptr},
                        h->context, handle);
}

// Runs one ready item, consuming its references.
bool run_item(ThreadState& ts, Value loop, ReadyItem item) {
    Ref a(item.a), b(item.b), c(item.c);
    bool ok = true;
    switch (item.kind) {
        case ReadyItem::RunHandle:
            return run_handle(ts, *a);
        case ReadyItem::Step:
            ok = task_step(ts, *a, *b);
            break;
        case ReadyItem::Wakeup:
            ok = task_wakeup(ts, *a, *b);
            break;
        case ReadyItem::Callback: {
            Value arg = *b;
            return run_callback(ts, loop, *a, Args{&arg, 1, nullptr}, *c, *a);
        }
        case ReadyItem::SetResult:
            if (future_obj(*a)->state != FutureState::Pending) return true;
            ok = future_set_result(ts, *a, *b);
            break;
    }
    if (ok || !ts.has_exception()) return true;
    return report_failure(ts, loop, *a);
}

// --- the timer heap ---

bool timer_before(const TimerEntry& x, const TimerEntry& y) {
    return x.when < y.when || (x.when == y.when && x.seq < y.seq);
}
bool timer_after(const TimerEntry& x, const TimerEntry& y) {
    return timer_before(y, x);
}

// A cancelled TimerHandle, or a sleep whose future is already done
// (cancelled): nothing to run, only to drop.
bool timer_dead(const TimerEntry& e) {
    if (e.arg.is_null()) return handle_obj(e.obj)->cancelled;
    return future_obj(e.obj)->state != FutureState::Pending;
}

void timer_release(TimerEntry& e) {
    if (e.arg.is_null()) handle_obj(e.obj)->scheduled = false;
    decref(e.obj);
    decref(e.arg);
}

void timers_push(LoopCore* core, TimerEntry e) {
    core->timers.push_back(e);
    std::push_heap(core->timers.begin(), core->timers.end(), timer_after);
}

TimerEntry timers_pop(LoopCore* core) {
    std::pop_heap(core->timers.begin(), core->timers.end(), timer_after);
    TimerEntry e = core->timers.back();
    core->timers.pop_back();
    return e;
}

void timers_drop_cancelled(LoopCore* core) {
    std::vector<TimerEntry> keep;
    keep.reserve(core->timers.size());
    for (TimerEntry& e : core->timers) {
        if (timer_dead(e))
            timer_release(e);
        else
            keep.push_back(e);
    }
    core->timers.swap(keep);
    std::make_heap(core->timers.begin(), core->timers.end(), timer_after);
    core->cancelled_timers = 0;
}

void drop_dead_top(LoopCore* core) {
    while (!core->timers.empty() && timer_dead(core->timers.front())) {
        if (core->cancelled_timers > 0) --core->cancelled_timers;
        TimerEntry e = timers_pop(core);
        timer_release(e);
    }
}

// Moves due timers to `ready`, dropping dead ones on the way.
void collect_due_timers(LoopCore* core, double end) {
    for (;;) {
        drop_dead_top(core);
        if (core->timers.empty() || core->timers.front().when >= end) return;
        TimerEntry e = timers_pop(core);
        if (e.arg.is_null()) {
            handle_obj(e.obj)->scheduled = false;
            core->ready.push_back(ReadyItem{ReadyItem::RunHandle, e.obj, Value(), Value()});
        } else {
            core->ready.push_back(ReadyItem{ReadyItem::SetResult, e.obj, e.arg, Value()});
        }
    }
}

// --- descriptors ---

void queue_fd_handle(LoopCore* core, Value& slot) {
    if (slot.is_null()) return;
    if (handle_obj(slot)->cancelled) return;
    core->ready.push_back(ReadyItem{ReadyItem::RunHandle, new_ref(slot), Value(), Value()});
}

void drain_wakeup(int fd) {
    uint64_t n;
    while (::read(fd, &n, sizeof n) > 0) {
    }
}

bool update_epoll(ThreadState& ts, LoopCore* core, int fd, FdWatch& w) {
    uint32_t want = (w.reader.is_null() ? 0u : uint32_t{EPOLLIN}) |
                    (w.writer.is_null() ? 0u : uint32_t{EPOLLOUT});
    if (want == w.events) return true;
    epoll_event ev{};
    ev.events = want;
    ev.data.fd = fd;
    int op = w.events == 0 ? EPOLL_CTL_ADD : (want == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD);
    if (::epoll_ctl(core->epfd, op, fd, &ev) < 0) {
        raise_os_error(ts, errno);
        return false;
    }
    w.events = want;
    return true;
}

// --- one iteration ---

bool run_once(ThreadState& ts, Value loop) {
    LoopCore* core = loop_core(loop);
    if (core->cancelled_timers > 100 &&
        core->cancelled_timers * 2 > static_cast<int64_t>(core->timers.size()))
        timers_drop_cancelled(core);
    drop_dead_top(core);
    double timeout = -1;
    if (!core->ready.empty() || core->stopping) {
        timeout = 0;
    } else if (!core->timers.empty()) {
        timeout = std::max(0.0, core->timers.front().when - loop_clock());
    }
    epoll_event events[128];
    int epfd = core->epfd;
    int n = wait_released(ts, WaitDeadline(timeout),
                          [&](int ms) { return ::epoll_wait(epfd, events, 128, ms); });
    if (n < 0) return false;
    for (int i = 0; i < n; ++i) {
        int fd = events[i].data.fd;
        if (fd == core->wakeup_fd) {
            drain_wakeup(fd);
            continue;
        }
        auto it = core->fds.find(fd);
        if (it == core->fds.end()) continue;
        uint32_t ev = events[i].events;
        if (ev & (EPOLLIN | EPOLLHUP | EPOLLERR)) queue_fd_handle(core, it->second.reader);
        if (ev & (EPOLLOUT | EPOLLHUP | EPOLLERR)) queue_fd_handle(core, it->second.writer);
    }
    collect_due_timers(core, loop_clock() + 1e-9);
    size_t ntodo = core->ready.size();
    for (size_t i = 0; i < ntodo && !core->ready.empty(); ++i) {
        ReadyItem item = core->ready.front();
        core->ready.pop_front();
        if (!core->debug) {
            if (!run_item(ts, loop, item)) return false;
            continue;
        }
        Ref what = Ref::borrow(item.a);
        double t0 = loop_clock();
        if (!run_item(ts, loop, item)) return false;
        double dt = loop_clock() - t0;
        if (dt >= core->slow_callback_duration) {
            Ref name(ts.interp().intern("_log_slow_callback"));
            Ref secs(make_float(ts, dt));
            if (!secs || Ref(call_method(ts, loop, *name, {*what, *secs})).is_null())
                write_unraisable(ts, loop);
        }
    }
    return true;
}

// --- Loop methods ---

Value loop_time(ThreadState&, Args);
Value loop_call_soon(ThreadState&, Args);
Value loop_call_soon_threadsafe(ThreadState&, Args);
Value loop_call_at(ThreadState&, Args);
Value loop_add_fd(ThreadState&, Args);
Value loop_remove_fd(ThreadState&, Args);
Value loop_run_forever(ThreadState&, Args);
Value loop_stop(ThreadState&, Args);
Value loop_is_running(ThreadState&, Args);
Value loop_is_closed(ThreadState&, Args);
Value loop_close(ThreadState&, Args);
Value loop_get_debug(ThreadState&, Args);
Value loop_set_debug(ThreadState&, Args);
Value loop_create_future(ThreadState&, Args);

constexpr MethodDef kLoopMethods[] = {
    {"time", loop_time},
    {"_call_soon", loop_call_soon},
    {"_call_soon_threadsafe", loop_call_soon_threadsafe},
    {"_call_at", loop_call_at},
    {"_add_fd", loop_add_fd},
    {"_remove_fd", loop_remove_fd},
    {"_run_forever_core", loop_run_forever},
    {"stop", loop_stop},
    {"is_running", loop_is_running},
    {"is_closed", loop_is_closed},
    {"_close_core", loop_close},
    {"get_debug", loop_get_debug},
    {"set_debug", loop_set_debug},
    {"create_future", loop_create_future},
};

Value get_slow(ThreadState& ts, Value self) {
    return make_float(ts, loop_core(self)->slow_callback_duration);
}
int set_slow(ThreadState& ts, Value self, Value v) {
    double d;
    if (v.is_null() || !obj_as_double(ts, v, &d)) {
        if (!ts.has_exception()) raise(ts, ts.exc_types().TypeError, "cannot delete attribute");
        return -1;
    }
    loop_core(self)->slow_callback_duration = d;
    return 0;
}
Value get_ready_count(ThreadState& ts, Value self) {
    return make_int(ts, static_cast<int64_t>(loop_core(self)->ready.size()));
}
Value get_timer_count(ThreadState& ts, Value self) {
    return make_int(ts, static_cast<int64_t>(loop_core(self)->timers.size()));
}

constexpr GetSetDef kLoopGetSets[] = {
    {"slow_callback_duration", get_slow, set_slow},
    {"_ready_count", get_ready_count},
    {"_timer_count", get_timer_count},
};

bool check_open(ThreadState& ts, LoopCore* core) {
    if (!core->closed) return true;
    raise(ts, ts.exc_types().RuntimeError, "Event loop is closed");
    return false;
}

Value loop_time(ThreadState& ts, Args) {
    return make_float(ts, loop_clock());
}

// _call_soon(callback, args, context) -> Handle
Value loop_call_soon(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "_call_soon", 3, 3)) return Value();
    LoopCore* core = loop_core(args[0]);
    if (!check_open(ts, core)) return Value();
    Value h =
        make_handle(ts, asyncio_state(ts.interp()).handle, args[0], args[1], args[2], args[3]);
    if (h.is_null()) return Value();
    core->ready.push_back(ReadyItem{ReadyItem::RunHandle, new_ref(h), Value(), Value()});
    return h;
}

Value loop_call_soon_threadsafe(ThreadState& ts, Args args) {
    Value h = loop_call_soon(ts, args);
    if (h.is_null()) return Value();
    uint64_t one = 1;
    ssize_t w = ::write(loop_core(args[0])->wakeup_fd, &one, sizeof one);
    (void)w;  // a full counter already wakes the loop
    return h;
}

Value schedule_timer(ThreadState& ts, Value loop, Value when_v, Value callback, Value args,
                     Value context) {
    LoopCore* core = loop_core(loop);
    if (!check_open(ts, core)) return Value();
    double when;
    if (!obj_as_double(ts, when_v, &when)) return Value();
    Value hv =
        make_handle(ts, asyncio_state(ts.interp()).timer_handle, loop, callback, args, context);
    if (hv.is_null()) return Value();
    HandleObject* h = handle_obj(hv);
    h->when = when;
    h->seq = core->timer_seq++;
    h->scheduled = true;
    timers_push(core, TimerEntry{when, h->seq, new_ref(hv), Value()});
    return hv;
}

// _call_at(when, callback, args, context) -> TimerHandle
Value loop_call_at(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "_call_at", 4, 4)) return Value();
    return schedule_timer(ts, args[0], args[1], args[2], args[3], args[4]);
}

// _add_fd(fd, writing, callback, args) -> Handle
Value loop_add_fd(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "_add_fd", 4, 4)) return Value();
    LoopCore* core = loop_core(args[0]);
    if (!check_open(ts, core)) return Value();
    int64_t fd;
    if (!obj_index(ts, args[1], &fd)) return Value();
    bool writing = args[2].is_true();
    Ref h(make_handle(ts, asyncio_state(ts.interp()).handle, args[0], args[3], args[4], Value()));
    if (!h) return Value();
    FdWatch& w = core->fds[static_cast<int>(fd)];
    Value& slot = writing ? w.writer : w.reader;
    Value old = std::exchange(slot, new_ref(*h));
    if (!update_epoll(ts, core, static_cast<int>(fd), w)) {
        clear_ref(slot);
        slot = old;
        if (w.reader.is_null() && w.writer.is_null()) core->fds.erase(static_cast<int>(fd));
        return Value();
    }
    if (!old.is_null()) {
        handle_obj(old)->cancelled = true;
        decref(old);
    }
    return h.release();
}

// _remove_fd(fd, writing) -> bool
Value loop_remove_fd(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "_remove_fd", 2, 2)) return Value();
    LoopCore* core = loop_core(args[0]);
    int64_t fd;
    if (!obj_index(ts, args[1], &fd)) return Value();
    auto it = core->fds.find(static_cast<int>(fd));
    if (it == core->fds.end()) return Value::false_();
    Value& slot = args[2].is_true() ? it->second.writer : it->second.reader;
    if (slot.is_null()) return Value::false_();
    Ref old(std::exchange(slot, Value()));
    handle_obj(*old)->cancelled = true;
    if (!core->closed && !update_epoll(ts, core, static_cast<int>(fd), it->second)) {
        // The descriptor was closed before it was unregistered: epoll has
        // forgotten it already.
        clear_exception(ts);
        it->second.events = 0;
    }
    if (it->second.reader.is_null() && it->second.writer.is_null()) core->fds.erase(it);
    return Value::true_();
}

void set_running(ThreadState& ts, Value loop) {
    AsyncioState& st = asyncio_state(ts.interp());
    Value& slot = st.running_loops[&ts];
    set_ref(slot, loop.is_null() ? Value() : new_ref(loop));
    if (slot.is_null()) st.running_loops.erase(&ts);
}

Value loop_run_forever(ThreadState& ts, Args args) {
    Value loop = args[0];
    LoopCore* core = loop_core(loop);
    if (!check_open(ts, core)) return Value();
    if (core->running_in)
        return raise(ts, ts.exc_types().RuntimeError, "This event loop is already running");
    if (!asyncio_running_loop(ts).is_null()) {
        return raise(ts, ts.exc_types().RuntimeError,
                     "Cannot run the event loop while another loop is running");
    }
    Ref keep = Ref::borrow(loop);
    core->running_in = &ts;
    set_running(ts, loop);
    bool ok = true;
    while (ok) {
        ok = run_once(ts, loop);
        if (core->stopping) break;
    }
    core->stopping = false;
    core->running_in = nullptr;
    set_running(ts, Value());
    return ok ? Value::none() : Value();
}

Value loop_stop(ThreadState&, Args args) {
    loop_core(args[0])->stopping = true;
    return Value::none();
}

Value loop_is_running(ThreadState&, Args args) {
    return Value::boolean(loop_core(args[0])->running_in != nullptr);
}

Value loop_is_closed(ThreadState&, Args args) {
    return Value::boolean(loop_core(args[0])->closed);
}

void release_core_refs(LoopCore* core) {
    std::deque<ReadyItem> ready;
    ready.swap(core->ready);
    for (ReadyItem& item : ready) {
        decref(item.a);
        decref(item.b);
        decref(item.c);
    }
    std::vector<TimerEntry> timers;
    timers.swap(core->timers);
    for (TimerEntry& e : timers) timer_release(e);
    core->cancelled_timers = 0;
    std::unordered_map<int, FdWatch> fds;
    fds.swap(core->fds);
    for (auto& [fd, w] : fds) {
        decref(w.reader);
        decref(w.writer);
    }
}

void close_core(LoopCore* core) {
    core->closed = true;
    if (core->epfd >= 0) ::close(core->epfd);
    if (core->wakeup_fd >= 0) ::close(core->wakeup_fd);
    core->epfd = core->wakeup_fd = -1;
    release_core_refs(core);
}

Value loop_close(ThreadState& ts, Args args) {
    LoopCore* core = loop_core(args[0]);
    if (core->running_in)
        return raise(ts, ts.exc_types().RuntimeError, "Cannot close a running event loop");
    if (!core->closed) close_core(core);
    return Value::none();
}

Value loop_get_debug(ThreadState&, Args args) {
    return Value::boolean(loop_core(args[0])->debug);
}

Value loop_set_debug(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "set_debug", 1, 1)) return Value();
    int b = obj_truthy(ts, args[1]);
    if (b < 0) return Value();
    loop_core(args[0])->debug = b;
    return Value::none();
}

Value loop_create_future(ThreadState& ts, Args args) {
    auto* f = alloc_gc<FutureObject>(asyncio_state(ts.interp()).future);
    if (!f) return raise_memory_error(ts);
    f->loop = new_ref(args[0]);
    return val(f);
}

Value loop_new(ThreadState& ts, TypeObject* type, Args) {
    auto* l = reinterpret_cast<LoopObject*>(alloc_gc_object(type, type->basicsize));
    if (!l) return raise_memory_error(ts);
    Ref self(val(l));
    l->core = new LoopCore;
    l->core->epfd = ::epoll_create1(EPOLL_CLOEXEC);
    if (l->core->epfd < 0) return raise_os_error(ts, errno);
    l->core->wakeup_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (l->core->wakeup_fd < 0) return raise_os_error(ts, errno);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = l->core->wakeup_fd;
    if (::epoll_ctl(l->core->epfd, EPOLL_CTL_ADD, l->core->wakeup_fd, &ev) < 0)
        return raise_os_error(ts, errno);
    return self.release();
}

void loop_dealloc(Object* o) {
    auto* l = reinterpret_cast<LoopObject*>(o);
    if (l->core) {
        close_core(l->core);
        delete l->core;
    }
    free_object(o);
}

void loop_traverse(Object* o, VisitFn visit, void* ctx) {
    LoopCore* core = reinterpret_cast<LoopObject*>(o)->core;
    if (!core) return;
    for (const ReadyItem& item : core->ready)
        for (Value v : {item.a, item.b, item.c})
            if (!v.is_null()) visit(v, ctx);
    for (const TimerEntry& e : core->timers) {
        visit(e.obj, ctx);
        if (!e.arg.is_null()) visit(e.arg, ctx);
    }
    for (const auto& [fd, w] : core->fds)
        for (Value v : {w.reader, w.writer})
            if (!v.is_null()) visit(v, ctx);
}

void loop_clear(Object* o) {
    LoopCore* core = reinterpret_cast<LoopObject*>(o)->core;
    if (core) release_core_refs(core);
}

TypeObject* new_type(Interpreter& interp, const char* name, uint32_t size, TypeObject* base) {
    TypeObject* t =
        type_alloc_builtin(interp, name, ObjKind::Native, size, base, kTypeBaseType | kTypeHasGc);
    t->hdr.type = interp.types.type;
    return t;
}

void finish_type(Interpreter& interp, TypeObject* t) {
    Ref mod(interp.intern("_asyncio"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
}

}  // namespace

double loop_clock() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

void loop_add_sleep_timer(LoopCore* core, double when, Value fut, Value result) {
    timers_push(core, TimerEntry{when, core->timer_seq++, fut, result});
}

bool run_callback(ThreadState& ts, Value loop, Value fn, Args args, Value context, Value handle) {
    Ref r(context.is_null() ? obj_call(ts, fn, args) : context_run(ts, context, fn, args));
    if (r) return true;
    return report_failure(ts, loop, handle);
}

bool loop_queue(ThreadState& ts, Value loop, ReadyItem item) {
    if (!is_native_loop(ts, loop)) {
        decref(item.a), decref(item.b), decref(item.c);
        raise(ts, ts.exc_types().TypeError, "the future's loop is not an asyncio event loop");
        return false;
    }
    LoopCore* core = loop_core(loop);
    if (core->closed) {
        decref(item.a), decref(item.b), decref(item.c);
        raise(ts, ts.exc_types().RuntimeError, "Event loop is closed");
        return false;
    }
    core->ready.push_back(item);
    return true;
}

bool is_native_loop(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of(ts, v), asyncio_state(ts.interp()).loop);
}

Value asyncio_running_loop(ThreadState& ts) {
    AsyncioState& st = asyncio_state(ts.interp());
    auto it = st.running_loops.find(&ts);
    return it == st.running_loops.end() ? Value() : it->second;
}

Value asyncio_set_running_loop(ThreadState& ts, Value loop) {
    set_running(ts, loop.is_none() ? Value() : loop);
    return Value::none();
}

namespace {

TypeObject* new_handle_type(Interpreter& interp, const char* name, TypeObject* base) {
    TypeObject* t = new_type(interp, name, sizeof(HandleObject), base);
    t->dealloc = handle_dealloc;
    t->traverse = handle_traverse;
    t->clear = handle_clear;
    t->repr = handle_repr;
    return t;
}

}  // namespace

TypeObject* make_handle_type(Interpreter& interp) {
    TypeObject* t = new_handle_type(interp, "Handle", interp.types.object);
    type_add_methods(interp, t, kHandleMethods);
    type_add_getsets(interp, t, kHandleGetSets);
    finish_type(interp, t);
    return t;
}

TypeObject* make_timer_handle_type(Interpreter& interp, TypeObject* handle) {
    TypeObject* t = new_handle_type(interp, "TimerHandle", handle);
    type_add_methods(interp, t, kTimerHandleMethods);
    finish_type(interp, t);
    return t;
}

TypeObject* make_loop_type(Interpreter& interp) {
    TypeObject* t = new_type(interp, "Loop", sizeof(LoopObject), interp.types.object);
    t->new_ = loop_new;
    t->dealloc = loop_dealloc;
    t->traverse = loop_traverse;
    t->clear = loop_clear;
    type_add_methods(interp, t, kLoopMethods);
    type_add_getsets(interp, t, kLoopGetSets);
    finish_type(interp, t);
    return t;
}

}  // namespace gilt
