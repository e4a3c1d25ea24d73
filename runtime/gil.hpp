// The global interpreter lock of one interpreter.
//
// Only the thread holding its interpreter's GIL may touch that interpreter's
// objects (their refcounts are not atomic). The holder gives the GIL up at
// check points when another thread has been waiting for a whole switch
// interval, and around anything that can block (GilRelease). The protocol, its
// reasons, who holds which lock and the CPython code it follows are told at
// the top of runtime/gil.cpp.
//
// Typical use by the eval loop and by native code:
//
//     gil.take(thread);                                  // thread start
//     ...
//     if (breaker.load(std::memory_order_relaxed)) {     // at a check point
//         if (gil.drop_requested()) gil.yield(thread);
//     }
//     ...
//     {
//         GilRelease released(ts);              // time.sleep, read(), ...
//         ::nanosleep(...);                              // touches no Python object
//     }
//     ...
//     gil.drop(thread);                                  // thread end
//
// Nothing here is global: a process may hold several interpreters, each with
// its own Gil, and one OS thread may have a GilThread in each of them.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "runtime/eval_breaker.hpp"

namespace gilt {

class ThreadState;

using GilClock = std::chrono::steady_clock;

// Print "gilt: fatal GIL error: <message>" to stderr and abort. For states
// that cannot happen in a correct program (dropping a GIL one does not hold).
[[noreturn]] void gil_fatal(const char* message) noexcept;

// Per-thread GIL statistics, the numbers behind the teaching instruments.
// Written only by the owning thread while it holds the GIL, so they may be read
// by any thread that holds the same GIL, or by anyone after the owner was
// joined. Reading them from a thread without the GIL is a data race.
struct GilStats {
    std::uint64_t acquisitions = 0;       // take()s, also those in yield() and ~GilRelease
    std::uint64_t forced_switches = 0;    // drops made while another thread's request was
                                          // pending (at a check point or before blocking)
    std::uint64_t requests_honoured = 0;  // of those, drops at a check point (yield()) made
                                          // only because of the request
    std::uint64_t drop_requests = 0;      // times this thread asked the holder to drop
    std::chrono::nanoseconds held{0};     // total time holding the GIL
    std::chrono::nanoseconds waited{0};   // total time in take() (and waiting for a
                                          // forced switch to happen, see drop())
    std::chrono::nanoseconds blocked{0};  // total time inside GilRelease sections
    GilClock::time_point last_taken{};    // when the current/last hold began
};

// What one OS thread that runs Python code needs for the GIL: a name for
// traces and its statistics. ThreadState embeds one. The Gil remembers its
// address while the thread holds the GIL, so it must not move (it cannot be
// copied or moved) and must outlive its last drop(). After it is destroyed the
// Gil may still compare its old address (as "last holder") but never uses it.
struct GilThread {
    explicit GilThread(std::uint64_t thread_id = 0, std::string thread_name = {})
        : id(thread_id), name(std::move(thread_name)) {}
    GilThread(const GilThread&) = delete;
    GilThread& operator=(const GilThread&) = delete;

    static constexpr std::size_t kNoTraceSlot = ~std::size_t{0};

    const std::uint64_t id;  // for traces, e.g. the value of threading.get_ident()
    // For traces, e.g. "MainThread", "Thread-1". Changed only by
    // Gil::set_thread_name (by the owner, holding the GIL and the Gil's mutex),
    // so GIL holders and trace hooks may read it.
    std::string name;
    GilStats stats;
    // Where a trace hook keeps this thread's events (the hook's business: it
    // starts as kNoTraceSlot). Read and written only by trace hooks, which run
    // under the Gil's mutex.
    mutable std::size_t trace_slot = kNoTraceSlot;

private:
    friend class Gil;
    // -X sched: whether the scheduler knows this thread, and its number in
    // the order threads first asked for the GIL. Guarded by the Gil's mutex.
    bool m_sched_known = false;
    std::uint64_t m_sched_index = 0;
    // Time spent in drop() waiting for a forced switch; added to stats.waited
    // by the next take(), because stats are only written while holding the GIL.
    // Owner-only.
    std::chrono::nanoseconds m_unaccounted_wait{0};
};

// How a released GIL is handed to the next thread (-X gilpolicy=...).
enum class GilPolicy : std::uint8_t {
    CPython,     // the default: CPython 3.11's new GIL, as described in gil.cpp
    Fifo,        // waiters are served in the order they began to wait
    IoPriority,  // a thread back from blocking I/O asks for the GIL at once and
                 // goes ahead of the others (the fix proposed in CPython bpo-7946)
};

// What a trace hook is told about.
enum class GilEvent : std::uint8_t {
    Wait,          // `thread` found the GIL held and starts waiting for it
    Take,          // `thread` now holds the GIL
    Drop,          // `thread` released the GIL
    DropRequest,   // `thread` waited a whole interval and asked the holder to drop
    ForcedSwitch,  // `thread` released the GIL because it was asked (follows Drop)
    Block,         // `thread` released the GIL to block (GilRelease; follows Drop)
    Rename,        // `thread` got a new name (Gil::set_thread_name)
};

// "wait", "take", "drop", "drop_request", "forced_switch", "block", "rename":
// for trace output.
const char* gil_event_name(GilEvent event) noexcept;

// Called under the Gil's mutex, so events arrive in one total order with
// non-decreasing timestamps. It must be quick and must not call into the Gil.
using GilTraceHook = void (*)(void* user, GilEvent event, const GilThread& thread,
                              GilClock::time_point when);

class Gil {
public:
    // Default switch interval: 5 ms, as CPython's sys.getswitchinterval().
    static constexpr std::int64_t kDefaultSwitchIntervalUs = 5000;

    // A Gil that raises kEvalBreakerGilDrop in its own eval-breaker word
    // (eval_breaker() returns it): for tests and single-purpose users.
    Gil() noexcept;
    // A Gil that raises kEvalBreakerGilDrop in the interpreter's eval-breaker
    // word, which must outlive the Gil. Other bits of that word are not touched.
    explicit Gil(std::atomic<std::uint32_t>& eval_breaker) noexcept;
    // The GIL must be free and nobody may be waiting for it.
    ~Gil() = default;
    Gil(const Gil&) = delete;
    Gil& operator=(const Gil&) = delete;

    // Acquire the GIL for `thread`, waiting as long as needed. Once the holder
    // has had the GIL for a whole switch interval while `thread` waited, asks
    // it to drop.
    // Fatal if `thread` already holds it. (CPython: take_gil.)
    void take(GilThread& thread);
    // Release the GIL. If a drop request is pending (addressed to this holder),
    // also waits until another thread has taken the GIL, so that this thread
    // cannot immediately win it back (forced switching). Fatal if `thread` does
    // not hold the GIL. (CPython: drop_gil.)
    void drop(GilThread& thread);
    // What the eval loop calls at a check point when drop_requested(): drop
    // (with forced switching) and take again. When no request is pending it is a
    // plain drop and take that may well get the GIL straight back.
    void yield(GilThread& thread);

    // Do waiters spin briefly before they sleep (runtime/spin_wait.hpp)? True
    // when the machine has more than one CPU. Locks follow the same rule.
    bool spins_before_sleep() const noexcept { return m_spin_before_sleep; }

    // Is a drop request pending? One relaxed load: for check points. A hint
    // for the holder; only the holder's reading is meaningful.
    bool drop_requested() const noexcept { return m_drop_request.load(std::memory_order_relaxed); }
    // The eval-breaker word this Gil raises kEvalBreakerGilDrop in.
    std::atomic<std::uint32_t>& eval_breaker() noexcept { return *m_eval_breaker; }

    // Does `thread` hold the GIL? Exact when asked by `thread` itself (what
    // debug assertions do); for other threads only a snapshot.
    bool is_held_by(const GilThread& thread) const noexcept {
        return m_holder.load(std::memory_order_relaxed) == &thread;
    }

    // sys.setswitchinterval(seconds). Returns false and changes nothing unless
    // seconds > 0 (NaN is refused too); the caller then raises
    // ValueError("switch interval must be strictly positive"). Stored in whole
    // microseconds like CPython, so switch_interval() returns what CPython's
    // sys.getswitchinterval() would (1e-7 reads back as 0.0, and waiters then
    // use 1 us). Values above kMaxSwitchIntervalUs are clamped to it.
    [[nodiscard]] bool set_switch_interval(double seconds) noexcept;
    // sys.getswitchinterval(), in seconds.
    double switch_interval() const noexcept;
    static constexpr std::int64_t kMaxSwitchIntervalUs = std::int64_t{1} << 40;  // ~12.7 days

    // How many times the GIL passed from one thread to a different one.
    std::uint64_t switch_number() const;

    // Interpreter-wide numbers (the per-thread ones are in GilStats).
    struct Totals {
        GilClock::time_point since;             // construction or the last reset_totals()
        std::chrono::nanoseconds contended{0};  // time in which some thread was waiting
        std::uint64_t switches = 0;             // switch_number() at the time of asking
    };
    Totals totals() const;
    // Count `contended` from now on (gil.reset()).
    void reset_totals();

    // Rename `thread` (threading sets its thread's name when it starts). Call
    // with the GIL held by `thread`. Reported to the trace hook as Rename.
    void set_thread_name(GilThread& thread, std::string name);

    // How the GIL is handed over. Set at start-up, before other threads exist.
    void set_policy(GilPolicy policy) noexcept { m_policy = policy; }
    GilPolicy policy() const noexcept { return m_policy; }

    // The deterministic scheduler (-X sched=SEED; see "THE DETERMINISTIC
    // SCHEDULER" in gil.cpp). Enabled at start-up by the thread that holds
    // the GIL, before other threads exist.
    void enable_scheduler(std::uint64_t seed);
    bool scheduled() const noexcept { return m_scheduled; }
    // Called by the holder at every instruction when scheduled: at the switch
    // point the PRNG chose, hand the GIL to a PRNG-chosen waiting thread.
    void sched_tick(GilThread& thread) {
        if (--m_sched_countdown == 0) sched_switch(thread, false);
    }
    // Called by the holder when it must wait for another Python thread (a lock
    // held elsewhere): let a PRNG-chosen waiting thread run, or, when none is
    // waiting, release the GIL for a moment. Returns with the GIL held.
    void sched_pass(GilThread& thread);
    // How many threads the scheduler has met; and wait, holding the GIL, until
    // it has met `count` (a new thread is waiting for its first turn).
    std::uint64_t sched_arrivals() const;
    void sched_wait_for_arrivals(std::uint64_t count);

    // Install (or, with nullptr, remove) the trace hook. `user` is passed back.
    void set_trace_hook(GilTraceHook hook, void* user = nullptr);

    // In the child after fork(), called by the one thread that survived (the
    // one that called fork()) before anything else touches the Gil. The other
    // threads are gone, possibly in the middle of take() or holding the internal
    // mutex, so the mutex and condition variables are re-created in place (the
    // old ones are abandoned, not destroyed: destroying a mutex that a vanished
    // thread holds is undefined) and `survivor` becomes the holder; a pending
    // drop request, which no thread would ever satisfy, is cleared. If the
    // survivor did not hold the GIL across fork() (os.fork does hold it), this
    // counts as an acquisition. Their GilThreads are the caller's to forget.
    // (CPython: _PyEval_ReInitThreads / recreate_gil.)
    void reinit_after_fork(GilThread& survivor) noexcept;

private:
    friend class GilRelease;
    using Lock = std::unique_lock<std::mutex>;

    // drop(); `blocking`: GilRelease's drop, reported as Drop then Block.
    void drop(GilThread& thread, bool blocking);
    // take(); `from_io`: at the end of a GilRelease section.
    void take(GilThread& thread, bool yielded, bool from_io);
    // Does the policy let `thread` take a free GIL now?
    bool policy_lets_take(const GilThread& thread, bool from_io) const;
    // The scheduler's take, drop and hand-over (-X sched).
    void sched_take(GilThread& thread);
    void sched_drop(GilThread& thread, bool blocking);
    void sched_switch(GilThread& thread, bool must_switch);
    void sched_wait_locked(Lock& lock, GilThread& thread);
    void sched_meet_locked(GilThread& thread);
    void sched_acquire_locked(GilThread& thread, GilClock::time_point started);
    std::uint64_t sched_next_countdown();
    std::uint64_t wait_until_free(Lock& lock, GilThread& thread, bool yielded, bool from_io);
    void acquire_locked(GilThread& thread, GilClock::time_point now);
    bool release_locked(GilThread& thread, GilClock::time_point now, bool blocking);
    void wait_for_switch(Lock& lock, std::uint64_t dropped_at_switch);
    void set_drop_request_locked(GilThread& asker);
    void clear_drop_request_locked() noexcept;
    // Trace events; called with m_mutex held. One branch when there is no hook.
    void emit(GilEvent event, const GilThread& thread, GilClock::time_point when) const {
        if (m_trace_hook != nullptr) {
            m_trace_hook(m_trace_user, event, thread, when);
        }
    }
    void emit_now(GilEvent event, const GilThread& thread) const {
        if (m_trace_hook != nullptr) {
            m_trace_hook(m_trace_user, event, thread, GilClock::now());
        }
    }

    // The lock that protects the GIL's state; held only for short moments.
    // Re-created in place by reinit_after_fork(). (CPython: gil->mutex.)
    mutable std::mutex m_mutex;
    // Signalled (one waiter) when the GIL is released; take() waits on it with
    // a timeout of one switch interval. Used with m_mutex. (CPython: gil->cond.)
    std::condition_variable m_cond;
    // Where a thread that has just dropped the GIL on request waits for it
    // again: a plain drop wakes a waiter from m_cond first (see gil.cpp).
    std::condition_variable m_yielded_cond;
    // Threads asleep on m_cond and on m_yielded_cond. Guarded by m_mutex.
    int m_sleepers = 0;
    int m_yielded_sleepers = 0;
    // Whether the pending drop request came from a waiter on m_yielded_cond.
    // Guarded by m_mutex.
    bool m_requester_yielded = false;
    // Signalled (all) when the GIL passes to a different thread; a holder that
    // dropped on request waits on it. Used with m_mutex. (CPython:
    // gil->switch_cond, which has its own switch_mutex; see gil.cpp.)
    std::condition_variable m_switch_cond;

    // The current holder, or nullptr when the GIL is free: this is CPython's
    // `locked` flag and its current holder in one field. Written only with
    // m_mutex held; read without it by is_held_by().
    std::atomic<const GilThread*> m_holder{nullptr};
    // Address of the last thread that held the GIL (it may be gone: compared,
    // never dereferenced). Guarded by m_mutex. (CPython: gil->last_holder.)
    std::uintptr_t m_last_holder = 0;
    // Incremented with m_mutex held each time the GIL passes to a thread other
    // than m_last_holder. Guarded by m_mutex. (CPython: gil->switch_number.)
    std::uint64_t m_switch_number = 0;
    // When m_switch_number last changed: the current holder's time slice is
    // measured from here. Guarded by m_mutex.
    GilClock::time_point m_switched_at{};
    // The switch interval in microseconds. Atomic so sys.setswitchinterval needs
    // no lock; waiters read it at the start of each wait. (CPython: gil->interval.)
    std::atomic<std::int64_t> m_interval_us{kDefaultSwitchIntervalUs};

    // "The holder should drop the GIL". Written only with m_mutex held: set by
    // a waiter in take(), cleared by the next take(). Read without the lock by
    // the holder's check points (relaxed) and by drop() under the lock.
    // (CPython: ceval->gil_drop_request.)
    std::atomic<bool> m_drop_request{false};
    // Mirrors m_drop_request as kEvalBreakerGilDrop (same writers, same lock).
    // Points at m_own_eval_breaker or at the interpreter's word.
    std::atomic<std::uint32_t>* m_eval_breaker;
    std::atomic<std::uint32_t> m_own_eval_breaker{0};

    // See spins_before_sleep(). Fixed at construction.
    const bool m_spin_before_sleep;

    // Threads inside take() that found the GIL held, and since when that count
    // has been above zero; `contended` adds up the periods it was. For the
    // "share of time some thread waited" of the statistics. Guarded by m_mutex.
    int m_waiters = 0;
    GilClock::time_point m_contended_since{};
    std::chrono::nanoseconds m_contended{0};
    GilClock::time_point m_totals_since = GilClock::now();

    // -X gilpolicy. Fixed at start-up.
    GilPolicy m_policy = GilPolicy::CPython;
    // Fifo: the threads waiting in take(), in arrival order. IoPriority: how
    // many of them are back from blocking I/O. Guarded by m_mutex.
    std::deque<const GilThread*> m_fifo;
    int m_io_waiters = 0;
    // IoPriority: until when the last release for blocking reserves a free
    // GIL for threads back from I/O (gil.cpp, HAND-OFF POLICIES). Guarded by
    // m_mutex.
    GilClock::time_point m_io_grace_until{};

    // -X sched. m_scheduled is fixed at start-up. The PRNG, the set of
    // threads waiting for a turn (sorted by m_sched_index, so that the order
    // they arrived in does not matter), whose turn it is (nullptr: whoever
    // comes first) and the count of threads met are guarded by m_mutex; the
    // countdown to the next switch point only by the GIL (only the holder
    // counts). m_sched_cond is signalled when a thread is met.
    bool m_scheduled = false;
    std::mt19937_64 m_sched_rng;
    std::vector<GilThread*> m_sched_waiting;
    const GilThread* m_sched_turn = nullptr;
    std::uint64_t m_sched_arrivals = 0;
    std::uint64_t m_sched_countdown = ~std::uint64_t{0};
    std::condition_variable m_sched_cond;

    // Trace hook and its argument. Guarded by m_mutex (set and called under it).
    GilTraceHook m_trace_hook = nullptr;
    void* m_trace_user = nullptr;
};

// Releases the GIL for the lifetime of the guard: the equivalent of CPython's
// Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS. Wrap every call that can block
// (sleep, read/write, socket calls, select, waiting on a lock, join, waitpid):
//
//     {
//         GilRelease released(ts);
//         n = ::read(fd, buffer, size);    // C++ data only
//     }
//
// Between construction and destruction the thread does not hold the GIL and
// must not touch any Python object, refcount or interpreter state: copy what
// the blocking call needs into C++ values first. The time between is added to
// `thread.stats.blocked`. The constructor requires the GIL held by `thread`;
// the destructor waits until it has it back.
class GilRelease {
public:
    GilRelease(Gil& gil, GilThread& thread);
    // The usual form: the GIL of `ts`'s interpreter, for that thread
    // (thread_state.cpp).
    explicit GilRelease(ThreadState& ts);
    ~GilRelease();
    GilRelease(const GilRelease&) = delete;
    GilRelease& operator=(const GilRelease&) = delete;

private:
    Gil& m_gil;
    GilThread& m_thread;
    GilClock::time_point m_released_at;
};

}  // namespace gilt
