// The native half of asyncio (_asyncio): the layouts of Future, Task,
// Handle and the event loop's base type, and the per-interpreter state they
// share. The loop itself is explained at the top of asyncio_loop.cpp; the
// Future and Task protocol at the top of asyncio_future.cpp and
// asyncio_task.cpp. Everything Python-facing beyond the hot core lives in
// stdlib/lib/asyncio/.
#pragma once

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

#include "runtime/interpreter.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

enum class FutureState : uint8_t { Pending, Cancelled, Finished };

// One done-callback of a future. A Task waiting on the future is recorded
// as itself with `wakeup` set: completing the future then queues the task's
// next step directly, with no bound method or Handle made for it.
struct FutureCallback {
    Value fn;       // callable, or the waiting Task when `wakeup` (owned)
    Value context;  // contextvars.Context or null (owned)
    bool wakeup;
};

struct FutureObject {
    Object hdr;
    Value loop;                         // owned
    Value result;                       // owned, null until finished
    Value exception;                    // owned, null unless finished with an exception
    Value cancel_message;               // owned, may be null
    Value cancelled_exc;                // the CancelledError a cancelled task ended with (owned)
    FutureCallback cb0;                 // the first callback inline: most futures have one
    std::vector<FutureCallback>* more;  // the rest (malloc'd), or null
    FutureState state;
    bool blocking;  // _asyncio_future_blocking
    bool log_tb;    // an exception nobody has retrieved yet
    bool reported;  // the never-retrieved / destroyed-pending report ran
    // Task only (kept here, in what would be padding, to keep a task small):
    // cancel() came while the task waited on nothing; the next step throws
    // CancelledError in.
    bool must_cancel;
};

struct TaskObject {
    FutureObject fut;
    Value coro;        // owned
    Value context;     // contextvars.Context (owned)
    Value name;        // str or null until asked for (owned)
    Value fut_waiter;  // the future the coroutine waits on (owned), or null
    uint64_t number;   // for the default name "Task-N"
    int32_t num_cancels_requested;
    // The interpreter's list of live tasks (all_tasks), unlinked on dealloc.
    TaskObject* prev;
    TaskObject* next;
};

// One entry of the ready queue. Internal work (a task's next step, a future
// callback) is queued as a plain struct, so the hot path makes no Handle.
struct ReadyItem {
    enum Kind : uint8_t { RunHandle, Step, Wakeup, Callback, SetResult };
    Kind kind;
    Value a;  // RunHandle: the Handle; Step/Wakeup: the task; Callback: fn; SetResult: future
    Value b;  // Step: the exception to throw in (or null); Wakeup/Callback: the future;
              // SetResult: the result
    Value c;  // Callback: its context (or null)
};

struct HandleObject {
    Object hdr;
    Value callback;  // owned
    Value args;      // tuple (owned)
    Value context;   // owned, may be null
    Value loop;      // owned
    double when;     // TimerHandle: the loop time it is due
    uint64_t seq;    // TimerHandle: order among equal `when`s
    bool cancelled;
    bool scheduled;  // TimerHandle: still in the heap
};

// One entry of the timer heap: a TimerHandle to run (`arg` null), or, for
// asyncio.sleep, a future to complete with `arg` as its result. Both
// references are owned.
struct TimerEntry {
    double when;
    uint64_t seq;
    Value obj;
    Value arg;
};

struct FdWatch {
    Value reader;  // Handle or null (owned)
    Value writer;
    uint32_t events;  // what epoll currently watches
};

// The C++ state of one loop (LoopObject::core); fields are touched only
// with the GIL held, by the loop's thread or by call_soon_threadsafe.
struct LoopCore {
    std::deque<ReadyItem> ready;
    std::vector<TimerEntry> timers;  // binary min-heap on (when, seq)
    std::unordered_map<int, FdWatch> fds;
    uint64_t timer_seq = 0;
    int64_t cancelled_timers = 0;
    int epfd = -1;
    int wakeup_fd = -1;  // eventfd written by call_soon_threadsafe
    bool stopping = false;
    bool closed = false;
    bool debug = false;
    double slow_callback_duration = 0.1;  // debug mode reports steps that take longer
    ThreadState* running_in = nullptr;    // the thread in run_forever, or null
    Value current_task;                   // borrowed: the task whose step runs now
};

struct LoopObject {
    Object hdr;
    LoopCore* core;
};

// Per interpreter (module_state "_asyncio").
struct AsyncioState {
    TypeObject* future = nullptr;
    TypeObject* task = nullptr;
    TypeObject* handle = nullptr;
    TypeObject* timer_handle = nullptr;
    TypeObject* loop = nullptr;
    TypeObject* sleep = nullptr;
    Value cancelled_error;      // asyncio.CancelledError (owned)
    Value invalid_state_error;  // asyncio.InvalidStateError (owned)
    Value task_repr;            // Python helpers set by asyncio at import (owned, may be null)
    Value future_repr;
    Value callback_error;  // called as (loop, exc, handle_repr_source) on a failed callback
    Value task_stack;      // called as (task, limit, file, printing) by get_stack/print_stack
    std::unordered_map<ThreadState*, Value> running_loops;  // borrowed: a loop outlives its run
    TaskObject* tasks = nullptr;                            // live tasks, most recent first
    uint64_t task_counter = 0;
};

AsyncioState& asyncio_state(Interpreter& interp);

inline FutureObject* future_obj(Value v) noexcept {
    return reinterpret_cast<FutureObject*>(v.as_object());
}
inline TaskObject* task_obj(Value v) noexcept {
    return reinterpret_cast<TaskObject*>(v.as_object());
}
inline HandleObject* handle_obj(Value v) noexcept {
    return reinterpret_cast<HandleObject*>(v.as_object());
}
inline LoopCore* loop_core(Value v) noexcept {
    return reinterpret_cast<LoopObject*>(v.as_object())->core;
}

bool is_future(ThreadState& ts, Value v);
bool is_task(ThreadState& ts, Value v);
bool is_native_loop(ThreadState& ts, Value v);

// Types (made once per interpreter, asyncio_*.cpp).
TypeObject* make_future_type(Interpreter& interp);
TypeObject* make_task_type(Interpreter& interp, TypeObject* future);
TypeObject* make_handle_type(Interpreter& interp);
TypeObject* make_timer_handle_type(Interpreter& interp, TypeObject* handle);
TypeObject* make_loop_type(Interpreter& interp);

// Future operations shared by Task and the loop. Each returns false with an
// exception pending on failure.
[[nodiscard]] bool future_set_result(ThreadState& ts, Value fut, Value result);
[[nodiscard]] bool future_set_exception(ThreadState& ts, Value fut, Value exc);
// Future.cancel(msg) without Task's override; returns whether it cancelled.
[[nodiscard]] int future_cancel(ThreadState& ts, Value fut, Value msg);
// The CancelledError a cancelled future raises (new reference).
Value future_cancelled_error(ThreadState& ts, Value fut);
// Adds a done-callback; a task's wakeup when `wakeup` (fn is the task).
[[nodiscard]] bool future_add_callback(ThreadState& ts, Value fut, Value fn, Value context,
                                       bool wakeup);
// Calls a Handle-like callback, reporting a failure through the loop's
// exception handler. False only for an exception that must stop the loop
// (SystemExit, KeyboardInterrupt).
[[nodiscard]] bool run_callback(ThreadState& ts, Value loop, Value fn, Args args, Value context,
                                Value handle);

// Queues work on a loop. The item's references are consumed (released
// again if queueing fails).
[[nodiscard]] bool loop_queue(ThreadState& ts, Value loop, ReadyItem item);
// The loop a new future or task joins: `loop` itself unless null or None,
// else the thread's running loop (RuntimeError "no running event loop").
Value asyncio_resolve_loop(ThreadState& ts, Value loop);
// The running loop of this thread, borrowed, or null.
Value asyncio_running_loop(ThreadState& ts);
// _asyncio._set_running_loop(loop or None). Returns None.
Value asyncio_set_running_loop(ThreadState& ts, Value loop);

// Lifetime helpers Task shares with Future (asyncio_future.cpp).
bool future_report_on_death(Object* o);
void future_clear_fields(FutureObject* f);
void future_traverse_fields(FutureObject* f, VisitFn visit, void* ctx);

// The loop's clock (time.monotonic()).
double loop_clock();
// Adds a timer that completes `fut` (a pending Future of this loop) with
// `result` at loop time `when` (both references are taken).
void loop_add_sleep_timer(LoopCore* core, double when, Value fut, Value result);
// The sleep coroutine type (asyncio_sleep.cpp) and _asyncio.sleep.
TypeObject* make_sleep_type(Interpreter& interp);
Value asyncio_sleep(ThreadState& ts, Args args);

// Task steps, run by the loop for Step and Wakeup items.
[[nodiscard]] bool task_step(ThreadState& ts, Value task, Value exc);
[[nodiscard]] bool task_wakeup(ThreadState& ts, Value task, Value fut);
void task_list_link(AsyncioState& st, TaskObject* t);

}  // namespace gilt
