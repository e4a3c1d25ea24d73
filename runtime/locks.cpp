// _thread.lock and _thread.RLock (see locks.hpp for the protocol).
//
// The RawLock sits inside the Python object, constructed with placement new
// and destroyed by dealloc. A waiter holds no GIL but keeps the object alive
// through the reference its caller holds (the method's self argument).
#include "runtime/locks.hpp"

#include <algorithm>
#include <cmath>
#include <new>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/module_state.hpp"
#include "runtime/signals.hpp"
#include "runtime/spin_wait.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value lock_acquire(ThreadState& ts, Args args);
Value lock_release(ThreadState& ts, Args args);
Value lock_locked(ThreadState& ts, Args args);
Value lock_exit(ThreadState& ts, Args args);
Value lock_at_fork_reinit(ThreadState& ts, Args args);
Value rlock_acquire(ThreadState& ts, Args args);
Value rlock_release(ThreadState& ts, Args args);
Value rlock_exit(ThreadState& ts, Args args);
Value rlock_is_owned(ThreadState& ts, Args args);
Value rlock_release_save(ThreadState& ts, Args args);
Value rlock_acquire_restore(ThreadState& ts, Args args);
Value rlock_recursion_count(ThreadState& ts, Args args);

constexpr MethodDef kLockMethods[] = {
    {"acquire", lock_acquire},
    {"acquire_lock", lock_acquire},
    {"release", lock_release},
    {"release_lock", lock_release},
    {"locked", lock_locked},
    {"locked_lock", lock_locked},
    {"__enter__", lock_acquire},
    {"__exit__", lock_exit},
    {"_at_fork_reinit", lock_at_fork_reinit},
};

constexpr MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire},
    {"release", rlock_release},
    {"__enter__", rlock_acquire},
    {"__exit__", rlock_exit},
    {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore},
    {"_recursion_count", rlock_recursion_count},
};

using Clock = std::chrono::steady_clock;

enum class WaitOutcome { Got, Deadline, Signal };

// Claims the lock if free (for `owner`: an RLock's holder, 0 for a lock).
bool try_claim(RawLock& lock, uint64_t owner) {
    bool expected = false;
    if (!lock.locked.compare_exchange_strong(expected, true)) return false;
    if (owner != 0) lock.owner.store(owner, std::memory_order_relaxed);
    return true;
}

// After `locked` was cleared: wakes one waiter, if there is one (see
// locks.hpp for why the mutex is taken first). The signal comes after the
// mutex is let go, so the waiter does not wake only to block on it. The
// RawLock outlives this: the releaser holds the GIL and a reference to its
// object.
void wake_one_waiter(RawLock& lock) {
    if (lock.waiters.load() != 0) {
        { std::lock_guard<std::mutex> guard(lock.mutex); }
        lock.cond.notify_one();
    }
}

// Step 2 of acquiring, without the GIL: waits until the lock is free (and
// claims it), the deadline passes, or an interrupt is pending for `on_main`
// (null for a thread that polls for none: runtime/interrupts.hpp).
WaitOutcome wait_for_lock(RawLock& lock, uint64_t owner, bool forever, Clock::time_point deadline,
                          const ThreadState* on_main) {
    std::unique_lock<std::mutex> guard(lock.mutex);
    lock.waiters.fetch_add(1);
    WaitOutcome outcome;
    for (;;) {
        if (try_claim(lock, owner)) {
            outcome = WaitOutcome::Got;
            break;
        }
        if (on_main && interrupt_pending(*on_main)) {
            outcome = WaitOutcome::Signal;
            break;
        }
        Clock::time_point now = Clock::now();
        if (!forever && now >= deadline) {
            outcome = WaitOutcome::Deadline;
            break;
        }
        if (on_main) {
            Clock::time_point slice = now + kSignalPollInterval;
            lock.cond.wait_until(guard, forever || slice < deadline ? slice : deadline);
        } else if (forever) {
            lock.cond.wait(guard);
        } else {
            lock.cond.wait_until(guard, deadline);
        }
    }
    lock.waiters.fetch_sub(1);
    return outcome;
}

// -X sched: waiting for a lock is passing the turn to another thread until the
// lock is free, so that who gets it is decided by the scheduler's PRNG and the
// wait is visible to it (a real sleep would leave the choice to the OS).
AcquireResult acquire_scheduled(ThreadState& ts, RawLock& lock, bool forever,
                                Clock::time_point deadline, uint64_t owner) {
    Gil& gil = ts.interp().gil;
    for (;;) {
        gil.sched_pass(ts.gil_thread);
        if (try_claim(lock, owner)) return AcquireResult::Acquired;
        if (!forever && Clock::now() >= deadline) return AcquireResult::TimedOut;
        if (!run_pending_interrupts(ts)) return AcquireResult::Error;
    }
}

AcquireResult acquire_as(ThreadState& ts, RawLock& lock, double timeout, uint64_t owner) {
    if (try_claim(lock, owner)) return AcquireResult::Acquired;
    if (timeout == 0) return AcquireResult::TimedOut;
    bool forever = timeout < 0;
    Clock::time_point deadline = forever
                                     ? Clock::time_point{}
                                     : Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                          std::chrono::duration<double>(timeout));
    // The threads that poll for interrupts (the main thread for signals,
    // the host's threads for host interrupts) wait in slices.
    const ThreadState* on_main = polls_interrupts(ts) ? &ts : nullptr;
    if (ts.interp().gil.scheduled()) return acquire_scheduled(ts, lock, forever, deadline, owner);
    bool spin = ts.interp().gil.spins_before_sleep();
    for (;;) {
        WaitOutcome outcome;
        {
            GilRelease allow(ts);
            // Spin, then sleep (runtime/spin_wait.hpp), never past the deadline.
            auto limit = forever ? kSpinBeforeSleep
                                 : std::min<std::chrono::microseconds>(
                                       kSpinBeforeSleep,
                                       std::chrono::duration_cast<std::chrono::microseconds>(
                                           deadline - Clock::now()));
            if (spin && limit.count() > 0 &&
                spin_wait(limit,
                          [&lock] { return !lock.locked.load(std::memory_order_relaxed); }) &&
                try_claim(lock, owner)) {
                outcome = WaitOutcome::Got;
            } else {
                outcome = wait_for_lock(lock, owner, forever, deadline, on_main);
            }
        }
        if (outcome == WaitOutcome::Got) return AcquireResult::Acquired;
        if (outcome == WaitOutcome::Deadline) return AcquireResult::TimedOut;
        if (!run_pending_interrupts(ts)) return AcquireResult::Error;
    }
}

LockObject* as_lock(Value v) {
    return reinterpret_cast<LockObject*>(v.as_object());
}
RLockObject* as_rlock(Value v) {
    return reinterpret_cast<RLockObject*>(v.as_object());
}

// acquire() results as Python values.
Value acquire_result(AcquireResult r) {
    if (r == AcquireResult::Error) return Value();
    return Value::boolean(r == AcquireResult::Acquired);
}

// --- _thread.lock ---

Value lock_acquire(ThreadState& ts, Args args) {
    double timeout;
    if (!parse_acquire_args(ts, args.drop_first(), "acquire", &timeout)) return Value();
    return acquire_result(raw_lock_acquire(ts, as_lock(args[0])->raw, timeout));
}

Value lock_release(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "release", 0, 0)) return Value();
    if (!raw_lock_release(as_lock(args[0])->raw)) {
        return raise(ts, ts.exc_types().RuntimeError, "release unlocked lock");
    }
    return Value::none();
}

Value lock_exit(ThreadState& ts, Args args) {
    if (!raw_lock_release(as_lock(args[0])->raw)) {
        return raise(ts, ts.exc_types().RuntimeError, "release unlocked lock");
    }
    return Value::none();
}

Value lock_locked(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "locked", 0, 0)) return Value();
    return Value::boolean(as_lock(args[0])->raw.locked.load());
}

// After fork() in the child: the lock is free again (its mutex may have been
// held by a thread that no longer exists, so it is rebuilt in place).
Value lock_at_fork_reinit(ThreadState&, Args args) {
    RawLock* raw = &as_lock(args[0])->raw;
    new (raw) RawLock();
    return Value::none();
}

Value lock_repr(ThreadState& ts, Value self) {
    bool locked = as_lock(self)->raw.locked.load();
    return make_str(ts, fmt::format("<{} {} object at {}>", locked ? "locked" : "unlocked",
                                    "_thread.lock", static_cast<const void*>(self.as_object())));
}

void lock_dealloc(Object* o) {
    reinterpret_cast<LockObject*>(o)->raw.~RawLock();
    free_object(o);
}

Value lock_new_refused(ThreadState& ts, TypeObject*, Args) {
    return raise(ts, ts.exc_types().TypeError, "cannot create '_thread.lock' instances");
}

// --- _thread.RLock ---

Value rlock_acquire(ThreadState& ts, Args args) {
    double timeout;
    if (!parse_acquire_args(ts, args.drop_first(), "acquire", &timeout)) return Value();
    RawLock& raw = as_rlock(args[0])->raw;
    // Only the holder finds its own ident in `owner` (it clears it before
    // letting go), and only the holder writes `count`.
    if (raw.owner.load(std::memory_order_relaxed) == ts.ident) {
        raw.count.store(raw.count.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        return Value::true_();
    }
    AcquireResult r = acquire_as(ts, raw, timeout, ts.ident);
    if (r == AcquireResult::Acquired) raw.count.store(1, std::memory_order_relaxed);
    return acquire_result(r);
}

// Drops one level (all levels when `all`); false if the caller does not own it.
bool rlock_release_levels(RawLock& raw, uint64_t me, bool all, uint64_t* count, uint64_t* owner) {
    if (raw.owner.load(std::memory_order_relaxed) != me) return false;
    *count = raw.count.load(std::memory_order_relaxed);
    *owner = me;
    uint64_t left = all ? 0 : *count - 1;
    raw.count.store(left, std::memory_order_relaxed);
    if (left == 0) {
        raw.owner.store(0, std::memory_order_relaxed);
        raw.locked.store(false);
        wake_one_waiter(raw);
    }
    return true;
}

Value rlock_release_common(ThreadState& ts, Value self) {
    uint64_t count, owner;
    if (!rlock_release_levels(as_rlock(self)->raw, ts.ident, false, &count, &owner)) {
        return raise(ts, ts.exc_types().RuntimeError, "cannot release un-acquired lock");
    }
    return Value::none();
}

Value rlock_release(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "release", 0, 0)) return Value();
    return rlock_release_common(ts, args[0]);
}

Value rlock_exit(ThreadState& ts, Args args) {
    return rlock_release_common(ts, args[0]);
}

Value rlock_is_owned(ThreadState& ts, Args args) {
    return Value::boolean(as_rlock(args[0])->raw.owner.load(std::memory_order_relaxed) == ts.ident);
}

// For Condition.wait: releases every level, returns (count, owner).
Value rlock_release_save(ThreadState& ts, Args args) {
    uint64_t count, owner;
    if (!rlock_release_levels(as_rlock(args[0])->raw, ts.ident, true, &count, &owner)) {
        return raise(ts, ts.exc_types().RuntimeError, "cannot release un-acquired lock");
    }
    Ref c(make_int_u64(ts, count));
    Ref o(c ? make_int_u64(ts, owner) : Value());
    if (!o) return Value();
    return tuple_pack(ts, {*c, *o});
}

// For Condition.wait: re-acquires (blocking) and restores (count, owner).
Value rlock_acquire_restore(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "_acquire_restore", 1, 1)) return Value();
    Value state = args[1];
    if (!is_tuple(ts, state) || tuple_size(state) != 2) {
        return raise(ts, ts.exc_types().TypeError, "_acquire_restore() argument must be a 2-tuple");
    }
    int64_t count, owner;
    if (!obj_index(ts, tuple_item(state, 0), &count) ||
        !obj_index(ts, tuple_item(state, 1), &owner)) {
        return Value();
    }
    RawLock& raw = as_rlock(args[0])->raw;
    AcquireResult r = acquire_as(ts, raw, -1, static_cast<uint64_t>(owner));
    if (r != AcquireResult::Acquired) return Value();
    raw.count.store(static_cast<uint64_t>(count), std::memory_order_relaxed);
    return Value::none();
}

Value rlock_recursion_count(ThreadState& ts, Args args) {
    RawLock& raw = as_rlock(args[0])->raw;
    bool mine = raw.owner.load(std::memory_order_relaxed) == ts.ident;
    return make_int_u64(ts, mine ? raw.count.load(std::memory_order_relaxed) : 0);
}

Value rlock_repr(ThreadState& ts, Value self) {
    RawLock& raw = as_rlock(self)->raw;
    // A snapshot: another thread may be changing the three meanwhile.
    bool locked = raw.locked.load();
    uint64_t owner = raw.owner.load(std::memory_order_relaxed);
    uint64_t count = raw.count.load(std::memory_order_relaxed);
    Value t = type_of_object(self)->name;
    Ref mod(obj_getattr_cstr(ts, val(type_of_object(self)), "__module__"));
    if (!mod) return Value();
    Ref mod_str(obj_str(ts, *mod));
    if (!mod_str) return Value();
    return make_str(ts, fmt::format("<{} {}.{} object owner={} count={} at {}>",
                                    locked ? "locked" : "unlocked", str_view(*mod_str), str_view(t),
                                    owner, count, static_cast<const void*>(self.as_object())));
}

void rlock_dealloc(Object* o) {
    reinterpret_cast<RLockObject*>(o)->raw.~RawLock();
    free_object(o);
}

Value rlock_new(ThreadState& ts, TypeObject* type, Args args) {
    (void)args;  // CPython's RLock() ignores its arguments
    auto* r = alloc<RLockObject>(type, type->basicsize);
    if (!r) return raise_memory_error(ts);
    new (&r->raw) RawLock();
    return val(r);
}

TypeObject* new_lock_type(Interpreter& interp, const char* name, uint32_t size, uint32_t flags) {
    TypeObject* t =
        type_alloc_builtin(interp, name, ObjKind::Native, size, interp.types.object, flags);
    t->hdr.type = interp.types.type;
    Ref mod(interp.intern("_thread"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    return t;
}

}  // namespace

AcquireResult raw_lock_acquire(ThreadState& ts, RawLock& lock, double timeout) {
    return acquire_as(ts, lock, timeout, 0);
}

bool raw_lock_release(RawLock& lock) {
    // Anyone may release a plain lock; releasing a free one is an error.
    if (!lock.locked.exchange(false)) return false;
    wake_one_waiter(lock);
    return true;
}

bool parse_acquire_args_general(ThreadState& ts, Args args, const char* fname, double* timeout) {
    Value blocking_v, timeout_v;
    if (!parse_args(ts, args, fname, {"|", "blocking", "timeout"}, {&blocking_v, &timeout_v}))
        return false;
    bool blocking = true;
    if (!blocking_v.is_null()) {
        int b = obj_truthy(ts, blocking_v);
        if (b < 0) return false;
        blocking = b != 0;
    }
    double t = -1;
    if (!timeout_v.is_null() && !time_arg_seconds(ts, timeout_v, 1e9, &t)) return false;
    if (!blocking && t != -1) {
        raise(ts, ts.exc_types().ValueError, "can't specify a timeout for a non-blocking call");
        return false;
    }
    if (t < 0 && t != -1) {
        raise(ts, ts.exc_types().ValueError, "timeout value must be positive");
        return false;
    }
    if (t > kLockTimeoutMax || std::isnan(t)) {
        raise(ts, ts.exc_types().OverflowError, "timeout value is too large");
        return false;
    }
    *timeout = blocking ? t : 0;
    return true;
}

Value make_lock(ThreadState& ts) {
    TypeObject* type = lock_types(ts.interp()).lock;
    auto* l = alloc<LockObject>(type, type->basicsize);
    if (!l) return raise_memory_error(ts);
    new (&l->raw) RawLock();
    return val(l);
}

LockTypes& lock_types(Interpreter& interp) {
    return module_state<LockTypes>(interp, "_thread.locks", [&](LockTypes& types) {
        TypeObject* lock = new_lock_type(interp, "lock", sizeof(LockObject), 0);
        lock->new_ = lock_new_refused;
        lock->dealloc = lock_dealloc;
        lock->repr = lock_repr;
        type_add_methods(interp, lock, kLockMethods);
        type_ready(interp, lock);
        TypeObject* rlock = new_lock_type(interp, "RLock", sizeof(RLockObject), kTypeBaseType);
        rlock->new_ = rlock_new;
        rlock->dealloc = rlock_dealloc;
        rlock->repr = rlock_repr;
        type_add_methods(interp, rlock, kRLockMethods);
        type_ready(interp, rlock);
        types.lock = lock;
        types.rlock = rlock;
    });
}

}  // namespace gilt
