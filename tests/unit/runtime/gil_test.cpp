// Tests for the GIL (runtime/gil.hpp).
//
// Deterministic by construction: threads synchronize through the Gil's own
// state (drop_requested(), is_held_by()), latches, atomics and joins. Spins
// that wait for something the protocol guarantees have a generous deadline, so
// a broken GIL fails the test instead of hanging it. The only sleep is the one
// being tested (a thread sleeping with the GIL released).
#include "runtime/gil.hpp"
#include "runtime/spin_wait.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <functional>
#include <latch>
#include <limits>
#include <memory>
#include <ostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace gilt {
namespace {

using namespace std::chrono_literals;

// Upper bound for anything the protocol promises "soon": hundreds of switch
// intervals even when sanitizers and other processes slow everything down.
constexpr auto kDeadline = 10s;

// Spin (letting other threads run) until `done()` or the deadline passes.
// Returns done(). For waiting on another thread's progress, never as a delay.
template <typename Predicate>
bool spin_until(Predicate done) {
    const auto deadline = GilClock::now() + kDeadline;
    while (!done()) {
        if (GilClock::now() > deadline) {
            return false;
        }
        std::this_thread::yield();
    }
    return true;
}

// A holder's check-point loop: "run bytecode" until a drop request arrives.
bool run_until_drop_requested(const Gil& gil) {
    return spin_until([&] { return gil.drop_requested(); });
}

TEST(GilTest, SingleThreadTakeDropUpdatesStats) {
    Gil gil;
    GilThread main_thread(1, "MainThread");
    EXPECT_FALSE(gil.is_held_by(main_thread));

    const auto before = GilClock::now();
    gil.take(main_thread);
    EXPECT_TRUE(gil.is_held_by(main_thread));
    EXPECT_GE(main_thread.stats.last_taken, before);
    gil.drop(main_thread);
    EXPECT_FALSE(gil.is_held_by(main_thread));

    const GilStats& stats = main_thread.stats;
    EXPECT_EQ(stats.acquisitions, 1u);
    EXPECT_EQ(stats.forced_switches, 0u);
    EXPECT_EQ(stats.drop_requests, 0u);
    EXPECT_GE(stats.held, 0ns);
    EXPECT_GE(stats.waited, 0ns);
    EXPECT_EQ(stats.blocked, 0ns);
    EXPECT_EQ(gil.switch_number(), 1u);

    // Taking it back with nobody else around is not a switch.
    gil.take(main_thread);
    gil.drop(main_thread);
    EXPECT_EQ(main_thread.stats.acquisitions, 2u);
    EXPECT_EQ(gil.switch_number(), 1u);
    EXPECT_FALSE(gil.drop_requested());
}

TEST(GilTest, WaiterAsksHolderToDropAndGetsTheGil) {
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.001));
    GilThread a(1, "A");
    GilThread b(2, "B");
    gil.take(a);

    std::atomic<std::int64_t> b_started_ns{0};
    bool b_saw_itself_holding = false;  // written by B under the GIL
    std::thread thread_b([&] {
        b_started_ns.store(GilClock::now().time_since_epoch().count());
        gil.take(b);
        b_saw_itself_holding = gil.is_held_by(b) && !gil.is_held_by(a);
        gil.drop(b);
    });

    // A runs "bytecode" and polls at check points.
    ASSERT_TRUE(spin_until([&] { return b_started_ns.load() != 0; }));
    const bool asked = run_until_drop_requested(gil);
    const auto asked_after =
        GilClock::now() - GilClock::time_point(GilClock::duration(b_started_ns.load()));
    EXPECT_TRUE(asked) << "B never asked A to drop the GIL";
    // B must wait a whole switch interval before asking, and not much more.
    EXPECT_GE(asked_after, 1ms);
    EXPECT_LT(asked_after, kDeadline);

    gil.yield(a);
    // Forced switching: yield() returns only after B has had the GIL (and, as
    // A holds it again, B has dropped it).
    EXPECT_TRUE(b_saw_itself_holding);
    EXPECT_TRUE(gil.is_held_by(a));
    EXPECT_EQ(a.stats.forced_switches, asked ? 1u : 0u);
    EXPECT_EQ(a.stats.acquisitions, 2u);
    EXPECT_EQ(b.stats.acquisitions, 1u);
    EXPECT_GE(b.stats.drop_requests, asked ? 1u : 0u);
    EXPECT_GE(b.stats.waited, 1ms);
    gil.drop(a);
    thread_b.join();
}

TEST(GilTest, ForcedSwitchingAlternatesTwoCpuBoundThreads) {
    // Two CPU-bound threads run "bytecode slices", each incrementing a plain
    // counter, and yield when asked. Each keeps going until it has been asked
    // to drop kRounds times (or the other one is finished), so they must
    // alternate however the OS schedules them.
    constexpr std::uint64_t kIncrementsPerSlice = 100;
    constexpr std::uint64_t kMinSlices = 1000;
    constexpr std::uint64_t kRounds = 5;
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.001));
    std::array<GilThread, 2> threads{GilThread(0, "T0"), GilThread(1, "T1")};
    // Guarded by the GIL:
    std::uint64_t counter = 0;
    std::array<std::uint64_t, 2> slices{0, 0};
    std::array<bool, 2> finished{false, false};
    std::atomic<bool> timed_out{false};

    auto body = [&](int me) {
        GilThread& self = threads[me];
        const auto deadline = GilClock::now() + kDeadline;
        gil.take(self);
        for (;;) {
            for (std::uint64_t i = 0; i < kIncrementsPerSlice; ++i) {
                ++counter;
            }
            ++slices[me];
            const bool enough_rounds = self.stats.forced_switches >= kRounds || finished[1 - me];
            if (slices[me] >= kMinSlices && enough_rounds) {
                break;
            }
            if (GilClock::now() > deadline) {
                timed_out = true;
                break;
            }
            if (gil.drop_requested()) {
                gil.yield(self);
            }
        }
        finished[me] = true;
        gil.drop(self);
    };
    std::thread t0(body, 0);
    std::thread t1(body, 1);
    t0.join();
    t1.join();

    ASSERT_FALSE(timed_out);
    EXPECT_EQ(counter, (slices[0] + slices[1]) * kIncrementsPerSlice);
    for (const GilThread& thread : threads) {
        SCOPED_TRACE(thread.name);
        EXPECT_GT(thread.stats.forced_switches, 0u);
        EXPECT_GT(thread.stats.acquisitions, 1u);
        EXPECT_EQ(thread.stats.acquisitions, thread.stats.forced_switches + 1);
        EXPECT_GT(thread.stats.drop_requests, 0u);
    }
    // Every request was answered by exactly one forced switch.
    EXPECT_EQ(threads[0].stats.forced_switches + threads[1].stats.forced_switches,
              threads[0].stats.drop_requests + threads[1].stats.drop_requests);
}

TEST(GilTest, GilReleaseLetsAnotherThreadRun) {
    Gil gil;
    GilThread a(1, "A");
    GilThread b(2, "B");
    std::latch a_released(1);
    std::latch b_done(1);
    std::uint64_t shared = 0;  // guarded by the GIL
    bool a_holds_again = false;

    std::thread thread_a([&] {
        gil.take(a);
        shared += 1;
        {
            GilRelease released(gil, a);
            a_released.count_down();
            b_done.wait();  // "blocked in I/O" until B has run
        }
        a_holds_again = gil.is_held_by(a);
        shared += 1;
        gil.drop(a);
    });
    std::thread thread_b([&] {
        a_released.wait();
        gil.take(b);
        shared += 10;
        gil.drop(b);
        b_done.count_down();
    });
    thread_a.join();
    thread_b.join();

    EXPECT_TRUE(a_holds_again);
    EXPECT_EQ(shared, 12u);
    EXPECT_EQ(a.stats.acquisitions, 2u);
    EXPECT_EQ(b.stats.acquisitions, 1u);
    EXPECT_GT(a.stats.blocked, 0ns);
    EXPECT_EQ(b.stats.blocked, 0ns);
}

TEST(GilTest, WaitersSpinOnlyWhereAnotherCpuCanLetGo) {
    Gil gil;
    EXPECT_EQ(gil.spins_before_sleep(), std::thread::hardware_concurrency() > 1);
}

TEST(SpinWaitTest, SeesAChangeMadeByAnotherThread) {
    std::atomic<bool> flag{false};
    std::latch spinning(1);
    std::thread setter([&] {
        spinning.wait();
        flag.store(true);
    });
    spinning.count_down();
    // A generous limit: the change arrives long before it on any machine
    // where the setter gets a CPU, and the test only asks that it is seen.
    bool seen = spin_wait(std::chrono::seconds(10), [&] { return flag.load(); });
    setter.join();
    EXPECT_TRUE(seen);
}

TEST(SpinWaitTest, GivesUpAfterItsLimit) {
    int calls = 0;
    const auto start = std::chrono::steady_clock::now();
    bool seen = spin_wait(std::chrono::microseconds(200), [&] { return ++calls < 0; });
    EXPECT_FALSE(seen);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::microseconds(200));
    EXPECT_GE(calls, 64);  // it looked again and again, not once
}

TEST(GilTest, SleepingThreadLetsAnotherRun) {
    Gil gil;
    GilThread a(1, "A");
    GilThread b(2, "B");
    std::latch a_sleeping(1);
    std::atomic<int> order{0};
    int b_finished = 0;  // positions in `order`
    int a_back = 0;

    std::thread thread_a([&] {
        gil.take(a);
        {
            GilRelease released(gil, a);
            a_sleeping.count_down();
            std::this_thread::sleep_for(200ms);  // time.sleep(0.2)
        }
        a_back = ++order;
        gil.drop(a);
    });
    std::thread thread_b([&] {
        a_sleeping.wait();
        gil.take(b);
        b_finished = ++order;
        gil.drop(b);
    });
    thread_a.join();
    thread_b.join();

    EXPECT_EQ(b_finished, 1) << "B should finish while A sleeps";
    EXPECT_EQ(a_back, 2);
    EXPECT_GE(a.stats.blocked, 200ms);
    EXPECT_LT(b.stats.waited, 200ms);
}

TEST(GilTest, SwitchIntervalRoundTripsLikeCPython) {
    Gil gil;
    EXPECT_EQ(gil.switch_interval(), 0.005);
    // The expected values are what CPython's sys.getswitchinterval() returns.
    const std::pair<double, double> cases[] = {
        {0.001, 0.001},  {0.5, 0.5},  {1.5, 1.5}, {1e-4, 9.999999999999999e-05},
        {2.5e-6, 2e-06}, {1e-7, 0.0},
    };
    for (const auto& [set, expected] : cases) {
        EXPECT_TRUE(gil.set_switch_interval(set));
        EXPECT_EQ(gil.switch_interval(), expected) << "set " << set;
    }
    ASSERT_TRUE(gil.set_switch_interval(0.002));
    EXPECT_FALSE(gil.set_switch_interval(0.0));
    EXPECT_FALSE(gil.set_switch_interval(-1.0));
    EXPECT_FALSE(gil.set_switch_interval(std::nan("")));
    EXPECT_EQ(gil.switch_interval(), 0.002);
    EXPECT_TRUE(gil.set_switch_interval(1e300));
    EXPECT_EQ(gil.switch_interval(), 1e-6 * double(Gil::kMaxSwitchIntervalUs));
}

TEST(GilTest, EvalBreakerBitFollowsDropRequest) {
    std::atomic<std::uint32_t> breaker{kEvalBreakerSignals};  // someone else's bit
    Gil gil(breaker);
    EXPECT_EQ(&gil.eval_breaker(), &breaker);
    ASSERT_TRUE(gil.set_switch_interval(0.001));
    GilThread a(1, "A");
    GilThread b(2, "B");
    gil.take(a);

    std::uint32_t breaker_when_b_took = ~0u;  // written by B under the GIL
    bool request_when_b_took = true;
    std::thread thread_b([&] {
        gil.take(b);
        breaker_when_b_took = breaker.load();
        request_when_b_took = gil.drop_requested();
        gil.drop(b);
    });

    // The eval loop polls the one word; the bit appears with the request.
    const bool bit_seen = spin_until([&] { return (breaker.load() & kEvalBreakerGilDrop) != 0; });
    EXPECT_TRUE(bit_seen);
    EXPECT_TRUE(gil.drop_requested());
    EXPECT_EQ(breaker.load() & kEvalBreakerSignals, kEvalBreakerSignals);
    gil.yield(a);
    EXPECT_EQ(breaker_when_b_took, kEvalBreakerSignals);
    EXPECT_FALSE(request_when_b_took);
    gil.drop(a);
    thread_b.join();
    EXPECT_EQ(breaker.load(), kEvalBreakerSignals);
}

TEST(GilTest, OwnEvalBreakerWordByDefault) {
    Gil gil;
    EXPECT_EQ(gil.eval_breaker().load(), 0u);
}

}  // namespace

// Lets GoogleTest print events by name in failure messages.
void PrintTo(GilEvent event, std::ostream* out) {
    *out << gil_event_name(event);
}

namespace {

struct TraceRecord {
    GilEvent event;
    std::uint64_t thread_id;
    GilClock::time_point when;
};

void record_event(void* user, GilEvent event, const GilThread& thread, GilClock::time_point when) {
    static_cast<std::vector<TraceRecord>*>(user)->push_back({event, thread.id, when});
}

// A trace that also counts each thread's waits (threads 0 to 3), so a test
// can hold the GIL until a waiter has started waiting.
struct CountingTrace {
    std::vector<TraceRecord> records;  // appended to under the Gil's mutex
    std::array<std::atomic<int>, 4> waits{};

    static void hook(void* user, GilEvent event, const GilThread& thread,
                     GilClock::time_point when) {
        auto* t = static_cast<CountingTrace*>(user);
        t->records.push_back({event, thread.id, when});
        if (event == GilEvent::Wait && thread.id < t->waits.size()) ++t->waits[thread.id];
    }

    // The first take after thread `id` dropped the GIL (end() if none).
    std::vector<TraceRecord>::const_iterator take_after_drop_by(std::uint64_t id) const {
        auto dropped = std::find_if(records.begin(), records.end(), [&](const TraceRecord& r) {
            return r.event == GilEvent::Drop && r.thread_id == id;
        });
        return std::find_if(dropped, records.end(),
                            [](const TraceRecord& r) { return r.event == GilEvent::Take; });
    }
};

TEST(GilTest, EventNamesForTraces) {
    EXPECT_STREQ(gil_event_name(GilEvent::Wait), "wait");
    EXPECT_STREQ(gil_event_name(GilEvent::Take), "take");
    EXPECT_STREQ(gil_event_name(GilEvent::Drop), "drop");
    EXPECT_STREQ(gil_event_name(GilEvent::DropRequest), "drop_request");
    EXPECT_STREQ(gil_event_name(GilEvent::ForcedSwitch), "forced_switch");
}

TEST(GilTest, TraceHookSeesHandOverInOrder) {
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.001));
    std::vector<TraceRecord> trace;  // appended to under the Gil's mutex
    gil.set_trace_hook(record_event, &trace);
    GilThread a(1, "A");
    GilThread b(2, "B");

    gil.take(a);
    std::thread thread_b([&] {
        gil.take(b);
        gil.drop(b);
    });
    ASSERT_TRUE(run_until_drop_requested(gil));
    gil.yield(a);
    gil.drop(a);
    thread_b.join();
    gil.set_trace_hook(nullptr);

    using E = GilEvent;
    const std::vector<std::pair<GilEvent, std::uint64_t>> expected = {
        {E::Take, 1}, {E::Wait, 2}, {E::DropRequest, 2}, {E::Drop, 1}, {E::ForcedSwitch, 1},
        {E::Take, 2}, {E::Drop, 2}, {E::Take, 1},        {E::Drop, 1},
    };
    std::vector<std::pair<GilEvent, std::uint64_t>> actual;
    for (const TraceRecord& record : trace) {
        actual.emplace_back(record.event, record.thread_id);
    }
    // A's second take() may or may not have found B still holding the GIL.
    if (actual.size() == expected.size() + 1 && actual[6] == std::pair{E::Wait, std::uint64_t{1}}) {
        actual.erase(actual.begin() + 6);
    }
    EXPECT_EQ(actual, expected);
    for (std::size_t i = 1; i < trace.size(); ++i) {
        EXPECT_LE(trace[i - 1].when, trace[i].when) << "event " << i;
    }
}

// The holder's slice is measured from when it took the GIL: a thread that
// was already waiting when the GIL changed hands asks the new holder to drop
// one interval after that switch. (CPython restarts the count at the
// waiter's next timeout, so such a waiter asks up to two intervals after it
// began waiting; see gil.cpp.)
TEST(GilTest, SliceStartsWhenTheHolderTookTheGil) {
    constexpr auto kInterval = 200ms;
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.2));
    CountingTrace trace;
    gil.set_trace_hook(CountingTrace::hook, &trace);
    GilThread a(1, "A");
    std::array<GilThread, 2> waiters{GilThread(2, "B"), GilThread(3, "C")};

    gil.take(a);
    auto body = [&](GilThread& self) {
        gil.take(self);
        // The first of B and C to get the GIL holds it until the other asks.
        if (self.stats.drop_requests == 0) {
            run_until_drop_requested(gil);
        }
        gil.drop(self);
    };
    std::thread b(body, std::ref(waiters[0]));
    std::thread c(body, std::ref(waiters[1]));
    ASSERT_TRUE(spin_until([&] { return trace.waits[2].load() + trace.waits[3].load() == 2; }));
    // Both wait half an interval under A before the GIL changes hands.
    std::this_thread::sleep_for(kInterval / 2);
    gil.drop(a);
    b.join();
    c.join();
    gil.set_trace_hook(nullptr);

    // The first take after A's drop is the switch; the loser's request follows.
    const auto switched = trace.take_after_drop_by(1);
    ASSERT_NE(switched, trace.records.cend());
    const auto asked = std::find_if(switched, trace.records.cend(), [&](const TraceRecord& r) {
        return r.event == GilEvent::DropRequest && r.thread_id != switched->thread_id;
    });
    ASSERT_NE(asked, trace.records.cend());
    const auto slice = asked->when - switched->when;
    EXPECT_GE(slice, kInterval);
    // Counting from the loser's own start would give one and a half intervals.
    EXPECT_LT(slice, kInterval * 5 / 4);
}

// After asking, a waiter sleeps until the holder drops (or another interval
// passes); it must not poll the GIL in a loop while the holder, which may be
// short of CPU, gets round to answering.
TEST(GilTest, WaiterSleepsWhileItsRequestIsPending) {
    constexpr auto kIgnored = 200ms;
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.001));
    GilThread a(1, "A");
    GilThread b(2, "B");
    gil.take(a);
    std::chrono::nanoseconds b_cpu{0};  // written by B, read after join
    std::thread thread_b([&] {
        gil.take(b);
        timespec cpu{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        b_cpu = std::chrono::seconds(cpu.tv_sec) + std::chrono::nanoseconds(cpu.tv_nsec);
        gil.drop(b);
    });
    ASSERT_TRUE(run_until_drop_requested(gil));
    // The holder takes its time to answer.
    std::this_thread::sleep_for(kIgnored);
    gil.yield(a);
    gil.drop(a);
    thread_b.join();
    EXPECT_LT(b_cpu, kIgnored / 4);
}

// A plain drop wakes a thread that has not just had a slice before one that
// was made to drop: the CPU-bound thread Y, forced off by H, waits behind F,
// which comes back from "I/O" while H holds the GIL. (This is what keeps an
// I/O thread from waiting a whole interval behind a CPU-bound one each time.)
TEST(GilTest, PlainDropWakesAFreshWaiterBeforeAYieldedOne) {
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.05));
    CountingTrace trace;
    gil.set_trace_hook(CountingTrace::hook, &trace);
    GilThread h(1, "H");
    GilThread y(2, "Y");
    GilThread f(3, "F");
    std::atomic<bool> f_may_start{false};

    gil.take(y);
    std::thread thread_h([&] {
        gil.take(h);  // asks Y to drop after an interval
        // Y waits again, and sleeps, before F starts waiting: F is the
        // younger waiter, which a first-come order would wake second.
        spin_until([&] { return trace.waits[2].load() == 1; });
        std::this_thread::sleep_for(5ms);
        f_may_start = true;
        // Hold until F is asleep waiting, then let go as before a blocking call.
        spin_until([&] { return trace.waits[3].load() == 1; });
        std::this_thread::sleep_for(5ms);
        gil.drop(h);
    });
    ASSERT_TRUE(run_until_drop_requested(gil));
    std::thread thread_f([&] {
        spin_until([&] { return f_may_start.load(); });
        gil.take(f);
        gil.drop(f);
    });
    gil.yield(y);  // forced off: Y waits again, behind F
    gil.drop(y);
    thread_h.join();
    thread_f.join();
    gil.set_trace_hook(nullptr);

    const auto next = trace.take_after_drop_by(1);
    ASSERT_NE(next, trace.records.cend());
    EXPECT_EQ(next->thread_id, 3u) << "the thread just forced off took the GIL first";
}

TEST(GilTest, TakePreservesErrnoForTheCodeAfterGilRelease) {
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.001));
    GilThread a(1, "A");
    GilThread b(2, "B");
    std::latch a_released(1);
    std::atomic<bool> b_holds{false};
    int errno_after = 0;

    gil.take(a);
    std::thread thread_b([&] {
        a_released.wait();
        gil.take(b);
        b_holds = true;
        run_until_drop_requested(gil);  // A's take() timed out at least once
        gil.drop(b);
    });
    {
        GilRelease released(gil, a);
        a_released.count_down();
        EXPECT_TRUE(spin_until([&] { return b_holds.load(); }));
        errno = ECONNRESET;  // as a failed recv() would leave it
    }
    errno_after = errno;
    gil.drop(a);
    thread_b.join();
    EXPECT_EQ(errno_after, ECONNRESET);
}

TEST(GilTest, StressManyThreadsKeepOneOwnerAndConsistentCounters) {
    constexpr int kThreads = 8;
    constexpr int kCycles = 400;
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.00001));
    std::vector<std::unique_ptr<GilThread>> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.push_back(std::make_unique<GilThread>(i, "T" + std::to_string(i)));
    }
    // Guarded by the GIL:
    const GilThread* owner = nullptr;
    std::uint64_t violations = 0;
    std::uint64_t total_slices = 0;
    std::array<std::uint64_t, kThreads> takes{};
    std::array<std::uint64_t, kThreads> slices{};

    auto enter = [&](const GilThread& self) {
        violations += owner != nullptr;
        owner = &self;
    };
    auto leave = [&](const GilThread& self) {
        violations += owner != &self;
        owner = nullptr;
    };
    auto body = [&](int me) {
        GilThread& self = *threads[me];
        std::mt19937 random(me);
        for (int cycle = 0; cycle < kCycles; ++cycle) {
            gil.take(self);
            enter(self);
            ++takes[me];
            const int n_slices = random() % 8;
            for (int s = 0; s < n_slices; ++s) {
                for (int work = 0; work < 1000; ++work) {
                    violations += owner != &self;
                }
                ++slices[me];
                ++total_slices;
                if (gil.drop_requested()) {
                    leave(self);
                    gil.yield(self);
                    enter(self);
                    ++takes[me];
                }
            }
            if (random() % 4 == 0) {
                leave(self);
                {
                    GilRelease released(gil, self);
                    std::this_thread::yield();
                }
                enter(self);
                ++takes[me];
            }
            leave(self);
            gil.drop(self);
        }
    };
    std::vector<std::thread> running;
    for (int i = 0; i < kThreads; ++i) {
        running.emplace_back(body, i);
    }
    for (std::thread& thread : running) {
        thread.join();
    }

    EXPECT_EQ(violations, 0u);
    EXPECT_EQ(owner, nullptr);
    std::uint64_t sum_slices = 0;
    std::uint64_t sum_acquisitions = 0;
    std::uint64_t sum_forced = 0;
    std::uint64_t sum_requests = 0;
    for (int i = 0; i < kThreads; ++i) {
        const GilStats& stats = threads[i]->stats;
        EXPECT_EQ(stats.acquisitions, takes[i]) << "thread " << i;
        sum_slices += slices[i];
        sum_acquisitions += stats.acquisitions;
        sum_forced += stats.forced_switches;
        sum_requests += stats.drop_requests;
    }
    EXPECT_EQ(sum_slices, total_slices);
    EXPECT_EQ(sum_forced, sum_requests) << "each request answered by one forced switch";
    EXPECT_LE(gil.switch_number(), sum_acquisitions);
    EXPECT_FALSE(gil.drop_requested());
    EXPECT_EQ(gil.eval_breaker().load(), 0u);
}

TEST(GilTest, ReinitAfterForkMakesTheSurvivorTheHolder) {
    Gil gil;
    ASSERT_TRUE(gil.set_switch_interval(0.001));
    GilThread main_thread(1, "MainThread");
    GilThread b(2, "B");
    gil.take(main_thread);
    std::thread thread_b([&] {
        gil.take(b);
        gil.drop(b);
    });
    // B is now inside take(), waiting, and has asked for the GIL: a child
    // that did not reinit would wait forever in drop() for B to take it.
    ASSERT_TRUE(run_until_drop_requested(gil));

    const pid_t child = fork();
    ASSERT_NE(child, -1);
    if (child == 0) {
        alarm(5);  // a hang in the child fails the test instead of hanging it
        gil.reinit_after_fork(main_thread);
        int status = 0;
        status |= gil.is_held_by(main_thread) ? 0 : 1;
        status |= gil.drop_requested() ? 2 : 0;
        status |= gil.eval_breaker().load() != 0 ? 4 : 0;
        gil.drop(main_thread);
        gil.take(main_thread);
        { GilRelease released(gil, main_thread); }
        status |= gil.is_held_by(main_thread) ? 0 : 8;
        status |= main_thread.stats.acquisitions == 3 ? 0 : 16;
        gil.drop(main_thread);
        _exit(status);
    }
    int wait_status = 0;
    ASSERT_EQ(waitpid(child, &wait_status, 0), child);
    EXPECT_TRUE(WIFEXITED(wait_status)) << "child killed by signal " << WTERMSIG(wait_status);
    EXPECT_EQ(WEXITSTATUS(wait_status), 0);

    gil.yield(main_thread);
    gil.drop(main_thread);
    thread_b.join();
}

// io-priority: a thread back from blocking I/O asks the holder to drop at
// once, without waiting out a switch interval (here ten seconds, so the
// request cannot come from the interval rule), and gets the GIL next.
TEST(GilPolicyTest, IoPriorityReturnFromIoAsksAtOnce) {
    Gil gil;
    gil.set_policy(GilPolicy::IoPriority);
    ASSERT_TRUE(gil.set_switch_interval(10.0));
    GilThread io(1, "io");
    GilThread cpu(2, "cpu");
    std::latch io_blocked(1);
    std::latch cpu_holds(1);
    std::atomic<bool> io_has_it{false};

    std::thread io_thread([&] {
        gil.take(io);
        {
            GilRelease released(gil, io);
            io_blocked.count_down();
            cpu_holds.wait();  // the "I/O" completes while the CPU thread holds the GIL
        }
        io_has_it = true;
        gil.drop(io);
    });
    std::thread cpu_thread([&] {
        io_blocked.wait();
        gil.take(cpu);
        cpu_holds.count_down();
        const auto asked_at = GilClock::now();
        EXPECT_TRUE(run_until_drop_requested(gil));
        EXPECT_LT(GilClock::now() - asked_at, 5s);
        gil.drop(cpu);  // forced: returns once the I/O thread has the GIL
        EXPECT_TRUE(spin_until([&] { return io_has_it.load(); }));
    });
    io_thread.join();
    cpu_thread.join();
    EXPECT_EQ(io.stats.drop_requests, 1u);
    EXPECT_EQ(cpu.stats.forced_switches, 1u);
}

// fifo: a free GIL goes to the longest waiter, not to whoever asks first
// after the release.
TEST(GilPolicyTest, FifoServesWaitersInArrivalOrder) {
    Gil gil;
    gil.set_policy(GilPolicy::Fifo);
    GilThread holder(1, "holder");
    GilThread first(2, "first");
    GilThread second(3, "second");
    std::vector<int> order;  // guarded by the GIL
    gil.take(holder);
    std::thread t1([&] {
        gil.take(first);
        order.push_back(1);
        gil.drop(first);
    });
    // The first waiter is queued once it has asked for a drop (one interval).
    ASSERT_TRUE(run_until_drop_requested(gil));
    std::thread t2([&] {
        gil.take(second);
        order.push_back(2);
        gil.drop(second);
    });
    // Give the second waiter time to queue behind the first; if it is late,
    // the order is the same anyway.
    std::this_thread::sleep_for(20ms);
    gil.drop(holder);
    t1.join();
    t2.join();
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

TEST(GilDeathTest, DropWithoutHoldingIsFatal) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    Gil gil;
    GilThread thread(1, "T");
    EXPECT_DEATH(gil.drop(thread), "gilt: fatal GIL error: drop: the GIL is not held by anyone");
}

TEST(GilDeathTest, DropByAnotherThreadIsFatal) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    Gil gil;
    GilThread holder(1, "holder");
    GilThread other(2, "other");
    gil.take(holder);
    EXPECT_DEATH(gil.drop(other), "drop: the GIL is held by another thread");
    gil.drop(holder);
}

TEST(GilDeathTest, TakingTwiceIsFatal) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    Gil gil;
    GilThread thread(1, "T");
    gil.take(thread);
    EXPECT_DEATH(gil.take(thread), "take: this thread already holds the GIL");
    gil.drop(thread);
}

}  // namespace
}  // namespace gilt
