// Locks usable from Python: _thread.lock (threading.Lock) and _thread.RLock.
//
// A lock's state lives in a RawLock (an atomic `locked` flag, plus a mutex
// and condition variable to sleep on), not in the GIL: a thread waiting for a
// lock must let go of the GIL, or the holder could never run to release it.
// Acquiring is therefore two steps, as in CPython's acquire_timed
// (Modules/_threadmodule.c):
//
//   1. try without releasing the GIL (the common, uncontended case: one
//      compare-and-swap, no mutex, no GIL traffic);
//   2. otherwise release the GIL (GilRelease), watch the flag for a few
//      microseconds (spin, then sleep: runtime/spin_wait.hpp), and if the
//      lock is still held count itself in `waiters` and sleep on the
//      condition variable; then take the GIL back.
//
// Releasing clears `locked` and only when `waiters` is non-zero takes the
// mutex (and lets it go) before signalling. That closes the lost-wake-up
// window: a waiter holds the mutex from counting itself until it sleeps, and
// both sides use sequentially consistent operations on `locked` and
// `waiters`, so either the waiter's compare-and-swap sees the lock free or
// the releaser sees the waiter and signals after it sleeps.
//
// Like CPython's locks these are not fair: a releasing thread that keeps the
// GIL and asks again usually gets the lock straight back before a woken
// waiter is scheduled. That keeps `with lock: counter += 1` loops fast.
//
// Release may come from any thread (a plain lock has no owner), which is what
// threading.Condition and Thread.join rely on.
//
// Ctrl-C: the OS may deliver SIGINT to any thread of the process, so a wait
// on the interpreter's main thread cannot count on EINTR. It waits in slices
// of kSignalPollInterval and checks signal_pending() between them; when a
// signal is pending it takes the GIL back and runs run_pending_signals(),
// which raises KeyboardInterrupt.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// How often a blocking wait on the main thread looks for a pending SIGINT.
inline constexpr std::chrono::milliseconds kSignalPollInterval{50};

// _thread.TIMEOUT_MAX, in seconds (CPython's value on Linux).
inline constexpr double kLockTimeoutMax = 9223372036.0;

// The state of one lock. `owner` and `count` are written only by the thread
// that holds the lock (atomics so that repr() and "is it mine?" from other
// threads read them without a race); `cond` is signalled (one waiter) by a
// release that sees waiters.
struct RawLock {
    std::atomic<bool> locked{false};
    std::atomic<uint32_t> waiters{0};  // threads in step 2 (a release skips the signal when 0)
    std::atomic<uint64_t> owner{0};    // RLock only: ident of the holder, 0 when free
    std::atomic<uint64_t> count{0};    // RLock only: recursion depth
    std::mutex mutex;                  // only for sleeping on `cond`
    std::condition_variable cond;
};

enum class AcquireResult { Acquired, TimedOut, Error };

// Acquires `lock` for the calling thread (which holds the GIL).
// timeout < 0: wait forever; 0: try once without blocking; > 0: seconds.
// kError: a signal handler raised (KeyboardInterrupt), exception pending.
// `lock` must stay alive across the wait: the caller holds a reference to
// the Python object that contains it.
[[nodiscard]] AcquireResult raw_lock_acquire(ThreadState& ts, RawLock& lock, double timeout);
// Marks the lock free and wakes one waiter. Returns false if it was not locked.
bool raw_lock_release(RawLock& lock);

// The Python objects.
struct LockObject {
    Object hdr;
    RawLock raw;
};
struct RLockObject {
    Object hdr;
    RawLock raw;  // `locked` means owned; owner/count say by whom and how deeply
};

struct LockTypes {
    TypeObject* lock = nullptr;   // _thread.lock (also _thread.LockType)
    TypeObject* rlock = nullptr;  // _thread.RLock
};
// The types, created on first use (once per interpreter).
LockTypes& lock_types(Interpreter& interp);

// A new unlocked _thread.lock, or null with an exception pending.
Value make_lock(ThreadState& ts);
inline LockObject* lock_obj(Value v) noexcept {
    return reinterpret_cast<LockObject*>(v.as_object());
}

// Parses acquire(blocking=True, timeout=-1) into a timeout for
// raw_lock_acquire, with CPython's errors. False with an exception pending.
[[nodiscard]] bool parse_acquire_args_general(ThreadState& ts, Args args, const char* fname,
                                              double* timeout);
[[nodiscard]] inline bool parse_acquire_args(ThreadState& ts, Args args, const char* fname,
                                             double* timeout) {
    // acquire(), acquire(False) and acquire(True) without keywords are what
    // `with lock:`, Condition and Queue do on every call.
    if (args.kwnames == nullptr && (args.n == 0 || (args.n == 1 && args[0].is_bool()))) {
        *timeout = args.n == 0 || args[0].is_true() ? -1 : 0;
        return true;
    }
    return parse_acquire_args_general(ts, args, fname, timeout);
}

}  // namespace gilt
