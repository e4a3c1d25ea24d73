// The GIL: how threads take turns running one interpreter.
//
// THE PROBLEM
//
// Objects carry plain, non-atomic reference counts, and lists, dicts and
// frames are mutated without locks of their own. That is only correct if one
// thread at a time touches an interpreter's objects. The GIL is that rule
// made into a lock: the thread that holds it runs bytecode; the others wait,
// or do something that touches no object (sleep, I/O) with the GIL released.
//
// A plain mutex taken around each stretch of bytecode is not enough. Mutexes
// are not fair: a thread that unlocks and immediately locks again is still
// running on its CPU, while the thread it woke must first be scheduled, which
// takes far longer. The running thread wins again and again, and the waiter
// starves. Python before 3.2 had this problem in the form of the "old GIL":
// the holder released and re-took the lock every 100 "ticks", and on
// multi-core machines the waiting threads mostly failed to get it (David
// Beazley's "Understanding the Python GIL" measurements). CPython 3.2
// replaced it with the "new GIL" in Python/ceval_gil.c, and gilt follows it.
//
// THE PROTOCOL (CPython's new GIL)
//
// 1. The GIL is a flag, "held by whom" (m_holder), protected by a small
//    mutex (m_mutex) that is held only for a few instructions at a time, and a
//    condition variable (m_cond) on which waiters sleep. Taking the GIL means
//    setting the flag, not holding m_mutex.
//
// 2. A waiter does not wait forever: it sleeps on m_cond until a deadline one
//    switch interval (5 ms by default, sys.setswitchinterval) after the later
//    of two moments: when it began waiting, and when the current holder took
//    the GIL (m_switched_at). If the deadline passes and the GIL is still held
//    by that holder (m_switch_number is unchanged), the waiter sets the drop
//    request, then keeps waiting. Why a condition variable with a timeout:
//    waiting costs no CPU, a release wakes a waiter at once, and the timeout
//    turns "this holder has had it long enough" into a measure of time
//    rather than of instructions (the old GIL's ticks varied wildly in cost).
//    Why the later of the two: a holder that took the GIL while the waiter
//    was already waiting has not had a whole interval yet, and gets one.
//
// 3. The holder cannot be preempted; it must cooperate. The eval loop reads
//    the drop request at its check points (backward jumps, function entry),
//    and through the eval breaker (runtime/eval_breaker.hpp) that costs one
//    relaxed load of one word. When it sees the request it calls yield():
//    drop, then take again.
//
// 4. Forced switching. Dropping is not enough: on a multi-core machine the
//    dropper keeps running and would call take() again before the woken
//    waiter has even been scheduled, and win, so "time slices" would grow far
//    beyond the interval. So a holder that drops while a drop request is
//    pending waits (on m_switch_cond) until another thread has actually taken
//    the GIL, and only then tries to take it back. A request is always
//    addressed to the thread holding the GIL when it is made (the next
//    take() clears it), so "a request is pending when I drop" means "I was
//    asked". This applies to every drop(), including GilRelease: a thread
//    asked to drop must not win the GIL straight back at the end of a quick
//    system call either. (CPython: the FORCE_SWITCHING parts.) It cannot wait
//    forever: the thread that made the request is still inside take(),
//    because take() only returns with the GIL.
//
// 5. Known limit, inherited on purpose: the convoy effect (CPython bpo-7946).
//    An I/O-bound thread that releases the GIL around every short system call
//    must get it back after each one; while a CPU-bound thread holds it, every
//    such return waits up to a whole interval (and then asks for a drop), so
//    the I/O thread manages at most one call per interval. CPython behaves the
//    same, and scripts are meant to behave as they do under CPython; the
//    statistics and the trace hook exist to make this visible. gilt's wake
//    order softens it when the I/O thread is already waiting as the holder
//    blocks (see "where it differs").
//
// HAND-OFF POLICIES (-X gilpolicy; the default is the protocol above)
//
// - fifo: waiters queue in m_fifo in the order they began to wait, and only
//   the head may take a free GIL (a newcomer only when nobody waits). No
//   spinning, which would let a newcomer slip past the queue. A drop wakes
//   every waiter; the head takes it, the others sleep again.
// - io-priority: the fix proposed in CPython bpo-7946 for the convoy effect
//   (point 5). A thread coming back from a GilRelease section does not wait
//   out the holder's slice: it sets the drop request at once, and while such
//   a thread waits (m_io_waiters), the others may not take a free GIL. A
//   CPU-bound holder therefore gives way at its next check point, and an I/O
//   thread's round trip costs a check point instead of a switch interval.
//   And a thread that releases the GIL to block keeps a short claim on it
//   (kIoPriorityGrace, m_io_grace_until): for that long after the release
//   only threads back from I/O may take it. Without the claim, the socket
//   echo of bench/gil_convoy stayed 4-6x slower beside a CPU thread: a
//   send() that returns in microseconds, or an echo that answers within a
//   few tens of them, still let the CPU thread take the GIL every time, so
//   each of the four returns from I/O per round trip cost a forced hand-off
//   (a check point, a futex wake of the I/O thread, a wake of the CPU thread
//   after the switch). With the claim, I/O that completes quickly finds the
//   GIL free; I/O that really blocks (a sleep, a slow peer) gives the CPU
//   thread the GIL once the claim runs out.
//
// THE DETERMINISTIC SCHEDULER (-X sched=SEED)
//
// For replaying a race: threads still run one at a time, but which thread
// runs next, and when the holder lets go, is decided by a PRNG (mt19937_64
// seeded with SEED), never by the OS or the clock. The eval loop counts
// instructions (sched_tick, in its every-instruction copy) and at a switch
// point drawn from the PRNG (on average every kSchedMeanSlice instructions)
// the PRNG picks one of the threads waiting for a turn, or the holder itself.
// Only the turn's thread may take the GIL (m_sched_turn); the waiting threads
// are kept sorted by the order the scheduler met them, so the time at which
// each arrived does not matter. What makes this hold:
// - A new thread is met while its parent keeps the GIL and waits for it
//   (thread_start.cpp), so the order of meeting is the program's.
// - Waiting for a lock (hence Condition, Event, Queue, join) is not a sleep
//   but sched_pass(): give the turn to a PRNG-chosen waiting thread, then try
//   again (locks.cpp). Such waits are thus visible to the scheduler.
// - A drop for real blocking (GilRelease: sleep, I/O) gives the turn to a
//   PRNG-chosen waiting thread, or to nobody; the thread comes back when the
//   OS says. Real I/O, sleeps, timeouts and anything that reads the clock are
//   therefore NOT deterministic, and a program that uses them may run
//   differently from one run to the next even with the same seed.
// No drop requests are made in this mode; the switch interval is unused.
//
// STATE TRANSITIONS (t, u: threads; "requested": m_drop_request)
//
//     free                 --take(t)-->              held by t
//     held by t            --waiter u: a full interval, no switch-->
//                                                    held by t, requested
//     held by t            --drop(t), not requested--> free
//     held by t, requested --drop(t)-->              free, requested;
//                                                    t sleeps on m_switch_cond
//     free[, requested]    --take(u)-->              held by u, not requested;
//                          if u is not the last holder: m_switch_number++ and
//                          m_switch_cond is notified, which ends t's sleep
//
// WHO HOLDS WHICH LOCK
//
//     m_mutex          guards m_last_holder, m_switch_number, m_trace_hook and
//                      its argument, and all writes to m_holder and
//                      m_drop_request (and the eval-breaker bit, written
//                      together with m_drop_request). Never held while
//                      running bytecode: the GIL is the m_holder flag.
//     (no lock)        m_holder is read by is_held_by(), m_drop_request by
//                      drop_requested(), both relaxed: the holder reads its
//                      own writes or a hint. m_interval_us is an atomic of its
//                      own.
//     the GIL itself   guards each GilThread's stats: written by their owner
//                      only while it holds the GIL (take() adds up what it
//                      measured after acquiring, drop() before releasing), so
//                      any other GIL holder may read them.
//
// WHERE EACH PART COMES FROM (CPython 3.11 Python/ceval_gil.c)
//
//     Gil::take                 take_gil
//     Gil::drop                 drop_gil
//     set/clear_drop_request    SET_GIL_DROP_REQUEST / RESET_GIL_DROP_REQUEST
//     Gil::wait_for_switch      the FORCE_SWITCHING block of drop_gil
//     Gil::yield                the gil_drop_request branch of
//                               eval_frame_handle_pending (Python/ceval.c)
//     GilRelease                Py_BEGIN/END_ALLOW_THREADS
//                               (PyEval_SaveThread / PyEval_RestoreThread)
//     Gil::reinit_after_fork    _PyEval_ReInitThreads / recreate_gil
//     set/switch_interval       _PyEval_SetSwitchInterval / _PyEval_GetSwitchInterval
//
// WHERE IT DIFFERS FROM CPYTHON, AND WHY
//
// - One mutex, not two. CPython guards last_holder and switch_cond with a
//   second mutex (switch_mutex): drop_gil unlocks gil->mutex, then locks
//   switch_mutex and checks whether last_holder is still itself before
//   waiting. Here the release, the "has anyone taken it yet?" test and the
//   wait happen under m_mutex in one critical section, so there is no window
//   between them to reason about, and the wait has a predicate (the switch
//   number changed), so a spurious wake-up cannot end it early (CPython's
//   single COND_WAIT can return spuriously). The cost is that the woken
//   dropper briefly contends for m_mutex with the new holder.
// - The slice is counted from the switch. CPython's waiter counts whole
//   intervals from its own timeouts and wake-ups, and asks only after one in
//   which the GIL did not change hands; a waiter that began waiting just
//   before a switch therefore waits nearly two intervals, and the new holder
//   runs for nearly two. Here the deadline is one interval after the later
//   of "began waiting" and "current holder took it" (point 2), so every
//   slice is the one interval that sys.setswitchinterval describes. It shows
//   in the convoy (point 5): in threads_convoy, 128 of 575 I/O-thread waits
//   took 10 ms instead of 5, because the thread had started waiting just as
//   the GIL passed to the CPU-bound thread.
// - Which waiter a drop wakes. CPython signals one waiter of its one
//   condition variable and leaves the choice to the system. Here a thread
//   that has just dropped the GIL on request (yield()) waits on
//   m_yielded_cond, without spinning first; a plain drop, as before a
//   blocking call, wakes a waiter of m_cond if there is one, so a thread
//   coming back from I/O goes before the CPU-bound thread that has just had
//   a whole slice. A drop on request wakes the queue of the thread that
//   asked, so a thread that waited out a slice is not passed over by threads
//   that keep arriving. The switch interval and forced switching are as in
//   CPython; the convoy (point 5) is what changes: an I/O thread that is
//   already waiting when the holder blocks gets the GIL at once instead of
//   the spinner, and threads_convoy went from 3.06 s to a median of 0.5 s
//   (CPython: 4.4 s), with fewer gains when the I/O thread arrives late.
// - A waiter spins for up to kSpinBeforeSleep (20 us) watching m_holder
//   before it sleeps on m_cond (runtime/spin_wait.hpp says why); the
//   switch-interval wait starts after that. Not on a single CPU.
// - A plain drop() wakes a waiter after unlocking m_mutex (CPython signals
//   with gil->mutex held): the woken thread then finds the mutex free
//   instead of blocking on it at once, which saved a futex wait and wake per
//   hand-off in threads_pingpong (strace: 160k futex calls -> 120k; the lock
//   release in runtime/locks.cpp does the same). A drop on request still
//   signals under the mutex, which it keeps for wait_for_switch().
// - `locked` and the current holder are one atomic pointer (m_holder), so
//   they cannot disagree, and "do I hold the GIL?" is one load.
// - The drop request sets its own bit of the eval-breaker word instead of
//   recomputing a shared flag (see runtime/eval_breaker.hpp).
// - The request is left set by drop() and cleared by the next take(); CPython
//   also clears it in drop_gil before waiting, which the next take makes
//   redundant.
// - take() has no "the interpreter is finalizing, exit this thread" path yet.
//   When one is added, a thread leaving take() that way must clear a drop
//   request it made, or a holder in drop() waits forever for a switch that
//   will not come (CPython gh-96387).
// - NaN is refused as a switch interval (CPython accepts it, then converts it
//   to an integer, which is undefined behaviour in C).
// - Per-thread statistics and a trace hook, for the teaching instruments
//   (runtime/gil_instruments.hpp), the policies and the scheduler above.
#include "runtime/gil.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <new>

#include <time.h>

#include "runtime/spin_wait.hpp"

namespace gilt {

namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

// io-priority: how long a release for blocking keeps the GIL for threads back
// from I/O (see HAND-OFF POLICIES above). Long enough for a system call that
// does not block and for a local peer's answer to arrive, short against the
// switch interval.
constexpr std::chrono::microseconds kIoPriorityGrace{50};

std::uintptr_t address_of(const GilThread& thread) {
    return reinterpret_cast<std::uintptr_t>(&thread);
}

}  // namespace

[[noreturn]] void gil_fatal(const char* message) noexcept {
    std::fprintf(stderr, "gilt: fatal GIL error: %s\n", message);
    std::fflush(stderr);
    std::abort();
}

const char* gil_event_name(GilEvent event) noexcept {
    switch (event) {
        case GilEvent::Wait:
            return "wait";
        case GilEvent::Take:
            return "take";
        case GilEvent::Drop:
            return "drop";
        case GilEvent::DropRequest:
            return "drop_request";
        case GilEvent::ForcedSwitch:
            return "forced_switch";
        case GilEvent::Block:
            return "block";
        case GilEvent::Rename:
            return "rename";
    }
    return "unknown";
}

Gil::Gil() noexcept : m_eval_breaker(&m_own_eval_breaker), m_spin_before_sleep(spinning_helps()) {}

Gil::Gil(std::atomic<std::uint32_t>& eval_breaker) noexcept
    : m_eval_breaker(&eval_breaker), m_spin_before_sleep(spinning_helps()) {}

// CPython: take_gil. errno is saved and restored because GilRelease's
// destructor calls take() between a failing system call and the code that
// reads errno to raise OSError.
void Gil::take(GilThread& thread) {
    take(thread, false, false);
}

void Gil::take(GilThread& thread, bool yielded, bool from_io) {
    if (m_scheduled) {
        sched_take(thread);
        return;
    }
    const int saved_errno = errno;
    const GilClock::time_point started = GilClock::now();
    Lock lock(m_mutex);
    const GilThread* holder = m_holder.load(kRelaxed);
    if (holder == &thread) {
        gil_fatal("take: this thread already holds the GIL (a drop() or GilRelease is missing)");
    }
    std::uint64_t requests_made = 0;
    const bool must_wait = holder != nullptr || !policy_lets_take(thread, from_io);
    if (must_wait) {
        if (m_waiters++ == 0) m_contended_since = started;
        emit_now(GilEvent::Wait, thread);
        requests_made = wait_until_free(lock, thread, yielded, from_io);
    }
    const GilClock::time_point now = GilClock::now();
    if (must_wait && --m_waiters == 0) m_contended += now - m_contended_since;
    acquire_locked(thread, now);
    GilStats& stats = thread.stats;
    ++stats.acquisitions;
    stats.drop_requests += requests_made;
    stats.waited += (now - started) + thread.m_unaccounted_wait;
    thread.m_unaccounted_wait = std::chrono::nanoseconds{0};
    stats.last_taken = now;
    emit(GilEvent::Take, thread, now);
    lock.unlock();
    errno = saved_errno;
}

// The waiting loop of take_gil: sleep on m_cond until the current holder has
// had the GIL for a whole interval while this thread waited, then ask it to
// drop. Returns how many requests this thread raised. First, with m_mutex let
// go, watch the holder for a few microseconds: a holder that is about to
// block lets go sooner than a sleeping waiter could be woken.
std::uint64_t Gil::wait_until_free(Lock& lock, GilThread& thread, bool yielded, bool from_io) {
    std::uint64_t requests_made = 0;
    const bool io_first = m_policy == GilPolicy::IoPriority && from_io;
    if (io_first && m_holder.load(kRelaxed) != nullptr && !m_drop_request.load(kRelaxed)) {
        // Do not wait out the holder's slice: ask at once (bpo-7946's fix).
        set_drop_request_locked(thread);
        m_requester_yielded = false;
        ++requests_made;
    }
    if (io_first) ++m_io_waiters;  // from now on the others let this thread go first
    // Fifo does not spin: a spinner could slip in ahead of the queue's head.
    if (m_spin_before_sleep && !yielded && m_policy != GilPolicy::Fifo) {
        lock.unlock();
        spin_wait(kSpinBeforeSleep, [this] { return m_holder.load(kRelaxed) == nullptr; });
        lock.lock();
    }
    if (m_policy == GilPolicy::Fifo) m_fifo.push_back(&thread);
    const GilClock::time_point waiting_since = GilClock::now();
    std::condition_variable& cond = yielded ? m_yielded_cond : m_cond;
    int& sleepers = yielded ? m_yielded_sleepers : m_sleepers;
    ++sleepers;
    while (m_holder.load(kRelaxed) != nullptr || !policy_lets_take(thread, from_io)) {
        const std::uint64_t saved_switch_number = m_switch_number;
        const std::chrono::microseconds interval{
            std::max<std::int64_t>(1, m_interval_us.load(kRelaxed))};
        // The holder's slice ends an interval after it took the GIL or after
        // this thread began waiting, whichever is later (see "where it
        // differs"). Once a request is pending, the drop will wake us: wait
        // an interval at a time, as CPython does.
        GilClock::time_point slice_end = m_drop_request.load(kRelaxed)
                                             ? GilClock::now() + interval
                                             : std::max(waiting_since, m_switched_at) + interval;
        // Waiting out an io-priority claim on a free GIL: look again when it ends.
        if (m_holder.load(kRelaxed) == nullptr) slice_end = std::min(slice_end, m_io_grace_until);
        const bool timed_out = cond.wait_until(lock, slice_end) == std::cv_status::timeout;
        if (timed_out && m_holder.load(kRelaxed) != nullptr &&
            m_switch_number == saved_switch_number && !m_drop_request.load(kRelaxed)) {
            set_drop_request_locked(thread);
            m_requester_yielded = yielded;
            ++requests_made;
        }
    }
    --sleepers;
    if (m_policy == GilPolicy::Fifo) m_fifo.pop_front();  // policy_lets_take: we are its head
    if (io_first) --m_io_waiters;
    return requests_made;
}

// Fifo: only the longest waiter may take a free GIL (and a newcomer only if
// nobody waits). IoPriority: a thread back from I/O always may; the others only
// while no such thread waits.
bool Gil::policy_lets_take(const GilThread& thread, bool from_io) const {
    switch (m_policy) {
        case GilPolicy::CPython:
            return true;
        case GilPolicy::Fifo:
            return m_fifo.empty() || m_fifo.front() == &thread;
        case GilPolicy::IoPriority:
            return from_io || (m_io_waiters == 0 && GilClock::now() >= m_io_grace_until);
    }
    return true;
}

// We now hold the GIL. If it changed hands, count a switch and wake a holder
// that dropped on request and waits for exactly this (forced switching). Any
// pending request was addressed to the previous holder and is now answered.
void Gil::acquire_locked(GilThread& thread, GilClock::time_point now) {
    m_holder.store(&thread, kRelaxed);
    if (m_last_holder != address_of(thread)) {
        m_last_holder = address_of(thread);
        m_switched_at = now;
        ++m_switch_number;
        m_switch_cond.notify_all();
    }
    if (m_drop_request.load(kRelaxed)) {
        clear_drop_request_locked();
    }
}

// CPython: drop_gil.
void Gil::drop(GilThread& thread) {
    drop(thread, false);
}

void Gil::drop(GilThread& thread, bool blocking) {
    if (m_scheduled) {
        sched_drop(thread, blocking);
        return;
    }
    Lock lock(m_mutex);
    const GilClock::time_point now = GilClock::now();
    const bool asked_to_drop = release_locked(thread, now, blocking);
    if (m_policy == GilPolicy::IoPriority && blocking) m_io_grace_until = now + kIoPriorityGrace;
    if (m_policy != GilPolicy::CPython) {
        // The next holder is chosen by the policy: wake every waiter, and the
        // one it names takes the GIL (few threads wait at a time).
        m_cond.notify_all();
        m_yielded_cond.notify_all();
        if (asked_to_drop) wait_for_switch(lock, m_switch_number);
        if (asked_to_drop) thread.m_unaccounted_wait += GilClock::now() - now;
        return;
    }
    if (asked_to_drop) {
        // Wake the queue of the thread that asked, so that a thread that
        // waited a whole slice gets its turn even while others keep coming.
        (m_requester_yielded ? m_yielded_cond : m_cond).notify_one();
        wait_for_switch(lock, m_switch_number);
        thread.m_unaccounted_wait += GilClock::now() - now;
    } else {
        // A thread that has just had a whole slice waits behind the others.
        std::condition_variable& next = m_sleepers > 0 ? m_cond : m_yielded_cond;
        // Woken after the unlock, a waiter finds m_mutex free instead of
        // blocking on it at once (a futex wait and wake saved per hand-off).
        lock.unlock();
        next.notify_one();
    }
}

// The first half of drop_gil: check that `thread` holds the GIL, close its
// statistics while it still does and free the GIL; the caller wakes one
// waiter. Returns whether a drop request was pending, i.e. this drop answers it.
bool Gil::release_locked(GilThread& thread, GilClock::time_point now, bool blocking) {
    const GilThread* holder = m_holder.load(kRelaxed);
    if (holder != &thread) {
        gil_fatal(holder == nullptr ? "drop: the GIL is not held by anyone"
                                    : "drop: the GIL is held by another thread");
    }
    const bool asked_to_drop = m_drop_request.load(kRelaxed);
    thread.stats.held += now - thread.stats.last_taken;
    if (asked_to_drop) {
        ++thread.stats.forced_switches;
    }
    m_holder.store(nullptr, kRelaxed);
    emit(GilEvent::Drop, thread, now);
    if (asked_to_drop) {
        emit(GilEvent::ForcedSwitch, thread, now);
    }
    if (blocking) {
        emit(GilEvent::Block, thread, now);
    }
    return asked_to_drop;
}

// The FORCE_SWITCHING half of drop_gil: sleep until the GIL has passed to
// another thread. Any take() during this sleep is by another thread (this one
// is here), so it changes the switch number.
void Gil::wait_for_switch(Lock& lock, std::uint64_t dropped_at_switch) {
    m_switch_cond.wait(lock, [&] { return m_switch_number != dropped_at_switch; });
}

void Gil::yield(GilThread& thread) {
    const bool asked = m_drop_request.load(kRelaxed);
    drop(thread);
    take(thread, asked, false);
    if (asked) ++thread.stats.requests_honoured;
}

// CPython: SET_GIL_DROP_REQUEST.
void Gil::set_drop_request_locked(GilThread& asker) {
    m_drop_request.store(true, kRelaxed);
    m_eval_breaker->fetch_or(kEvalBreakerGilDrop, kRelaxed);
    emit_now(GilEvent::DropRequest, asker);
}

// CPython: RESET_GIL_DROP_REQUEST.
void Gil::clear_drop_request_locked() noexcept {
    m_drop_request.store(false, kRelaxed);
    m_eval_breaker->fetch_and(~kEvalBreakerGilDrop, kRelaxed);
}

// --- the deterministic scheduler (-X sched) ---------------------------------------

namespace {
// The mean number of instructions between two switch points.
constexpr std::uint64_t kSchedMeanSlice = 500;
}  // namespace

void Gil::enable_scheduler(std::uint64_t seed) {
    Lock lock(m_mutex);
    m_scheduled = true;
    m_sched_rng.seed(seed);
    m_sched_countdown = sched_next_countdown();
}

std::uint64_t Gil::sched_next_countdown() {
    return 1 + m_sched_rng() % (2 * kSchedMeanSlice);
}

// A thread's first take: it gets the next number. Threads are met in an order
// the scheduler decides, since a new thread is met while its parent holds the
// GIL and waits for it (sched_wait_for_arrivals).
void Gil::sched_meet_locked(GilThread& thread) {
    if (thread.m_sched_known) return;
    thread.m_sched_known = true;
    thread.m_sched_index = m_sched_arrivals++;
    m_sched_cond.notify_all();
}

std::uint64_t Gil::sched_arrivals() const {
    Lock lock(m_mutex);
    return m_sched_arrivals;
}

void Gil::sched_wait_for_arrivals(std::uint64_t count) {
    Lock lock(m_mutex);
    m_sched_cond.wait(lock, [&] { return m_sched_arrivals >= count; });
}

// Join the threads waiting for a turn and sleep until the GIL is free and it
// is this thread's turn (or nobody's: the GIL was released with nobody waiting).
void Gil::sched_wait_locked(Lock& lock, GilThread& thread) {
    auto at = std::lower_bound(
        m_sched_waiting.begin(), m_sched_waiting.end(), &thread,
        [](const GilThread* a, const GilThread* b) { return a->m_sched_index < b->m_sched_index; });
    m_sched_waiting.insert(at, &thread);
    if (m_waiters++ == 0) m_contended_since = GilClock::now();
    emit_now(GilEvent::Wait, thread);
    m_cond.wait(lock, [&] {
        return m_holder.load(kRelaxed) == nullptr &&
               (m_sched_turn == &thread || m_sched_turn == nullptr);
    });
    if (--m_waiters == 0) m_contended += GilClock::now() - m_contended_since;
    m_sched_waiting.erase(std::find(m_sched_waiting.begin(), m_sched_waiting.end(), &thread));
}

void Gil::sched_acquire_locked(GilThread& thread, GilClock::time_point started) {
    const GilClock::time_point now = GilClock::now();
    m_sched_turn = nullptr;
    acquire_locked(thread, now);
    GilStats& stats = thread.stats;
    ++stats.acquisitions;
    stats.waited += now - started;
    stats.last_taken = now;
    emit(GilEvent::Take, thread, now);
}

void Gil::sched_take(GilThread& thread) {
    const int saved_errno = errno;
    const GilClock::time_point started = GilClock::now();
    Lock lock(m_mutex);
    if (m_holder.load(kRelaxed) == &thread) {
        gil_fatal("take: this thread already holds the GIL (a drop() or GilRelease is missing)");
    }
    sched_meet_locked(thread);
    const bool free_for_us =
        m_holder.load(kRelaxed) == nullptr && (m_sched_turn == nullptr || m_sched_turn == &thread);
    if (!free_for_us) sched_wait_locked(lock, thread);
    sched_acquire_locked(thread, started);
    lock.unlock();
    errno = saved_errno;
}

// Release and give the turn to a PRNG-chosen waiting thread, if any.
void Gil::sched_drop(GilThread& thread, bool blocking) {
    Lock lock(m_mutex);
    release_locked(thread, GilClock::now(), blocking);
    m_sched_turn =
        m_sched_waiting.empty() ? nullptr : m_sched_waiting[m_sched_rng() % m_sched_waiting.size()];
    m_cond.notify_all();
}

// A switch point: the PRNG picks among the waiting threads and this one (or,
// when `must_switch`, among the waiting threads only). Another pick: hand it
// the GIL and wait for a turn again.
void Gil::sched_switch(GilThread& thread, bool must_switch) {
    Lock lock(m_mutex);
    m_sched_countdown = sched_next_countdown();
    const std::size_t n = m_sched_waiting.size();
    if (n == 0) return;
    const std::size_t pick = m_sched_rng() % (must_switch ? n : n + 1);
    if (pick == n) return;  // this thread goes on
    const GilClock::time_point now = GilClock::now();
    ++thread.stats.forced_switches;  // while this thread still holds the GIL
    release_locked(thread, now, false);
    m_sched_turn = m_sched_waiting[pick];
    m_cond.notify_all();
    sched_wait_locked(lock, thread);
    sched_acquire_locked(thread, now);
}

void Gil::sched_pass(GilThread& thread) {
    {
        Lock lock(m_mutex);
        if (!m_sched_waiting.empty()) {
            lock.unlock();
            sched_switch(thread, true);
            return;
        }
    }
    // Nobody else wants the GIL now: whoever can make progress is blocked
    // outside it (sleep, I/O). Let real time pass.
    GilRelease released(*this, thread);
    const timespec pause{0, 50'000};
    ::nanosleep(&pause, nullptr);
}

bool Gil::set_switch_interval(double seconds) noexcept {
    if (!(seconds > 0.0)) {
        return false;
    }
    const double microseconds = std::min(seconds * 1e6, double(kMaxSwitchIntervalUs));
    m_interval_us.store(static_cast<std::int64_t>(microseconds), kRelaxed);
    return true;
}

double Gil::switch_interval() const noexcept {
    return 1e-6 * double(m_interval_us.load(kRelaxed));
}

std::uint64_t Gil::switch_number() const {
    Lock lock(m_mutex);
    return m_switch_number;
}

Gil::Totals Gil::totals() const {
    Lock lock(m_mutex);
    Totals totals;
    totals.since = m_totals_since;
    totals.contended = m_contended;
    if (m_waiters > 0)
        totals.contended += GilClock::now() - std::max(m_contended_since, m_totals_since);
    totals.switches = m_switch_number;
    return totals;
}

void Gil::reset_totals() {
    Lock lock(m_mutex);
    m_totals_since = GilClock::now();
    m_contended = std::chrono::nanoseconds{0};
    if (m_waiters > 0) m_contended_since = m_totals_since;
}

void Gil::set_thread_name(GilThread& thread, std::string name) {
    Lock lock(m_mutex);
    thread.name = std::move(name);
    emit_now(GilEvent::Rename, thread);
}

void Gil::set_trace_hook(GilTraceHook hook, void* user) {
    Lock lock(m_mutex);
    m_trace_hook = hook;
    m_trace_user = user;
}

// Only the survivor runs in the child, so no lock is needed (and the old one
// may be held forever by a thread that no longer exists). The old objects are
// overwritten without running their destructors; a new object of the same
// type in a member's storage is the member again ([basic.life]).
void Gil::reinit_after_fork(GilThread& survivor) noexcept {
    new (&m_mutex) std::mutex();
    new (&m_cond) std::condition_variable();
    new (&m_yielded_cond) std::condition_variable();
    m_sleepers = m_yielded_sleepers = 0;
    new (&m_switch_cond) std::condition_variable();
    new (&m_sched_cond) std::condition_variable();
    m_fifo.clear();
    m_io_waiters = 0;
    m_io_grace_until = {};
    m_sched_waiting.clear();
    m_sched_turn = nullptr;
    const GilClock::time_point now = GilClock::now();
    if (m_holder.load(kRelaxed) != &survivor) {
        ++survivor.stats.acquisitions;
        survivor.stats.last_taken = now;
    }
    acquire_locked(survivor, now);
    clear_drop_request_locked();
    survivor.m_unaccounted_wait = std::chrono::nanoseconds{0};
}

GilRelease::GilRelease(Gil& gil, GilThread& thread) : m_gil(gil), m_thread(thread) {
    m_gil.drop(m_thread, true);
    m_released_at = GilClock::now();
}

GilRelease::~GilRelease() {
    const GilClock::time_point blocked_until = GilClock::now();
    m_gil.take(m_thread, false, true);
    m_thread.stats.blocked += blocked_until - m_released_at;
}

}  // namespace gilt
