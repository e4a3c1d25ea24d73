// Host threads calling into one Host at once (interp/host/host_threads.hpp),
// a HostPool running requests on several interpreters, and Hosts created and
// destroyed in a loop without growing the process. Part of the `threads`
// suite, run under tsan by `ctest --preset tsan`.
#include <gilt/gilt.hpp>
#include <gilt/host_pool.hpp>

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace gilt {
namespace {

constexpr int kThreads = 8;
constexpr int kCalls = 200;

TEST(HostThreads, ManyThreadsCallIn) {
    Host host;
    host.exec(
        "import threading\n"
        "lock = threading.Lock()\n"
        "total = 0\n"
        "def add(n):\n"
        "    global total\n"
        "    with lock:\n"
        "        total += n\n"
        "    return n * 2\n");
    std::atomic<long> doubled{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&host, &doubled, t] {
            for (int i = 0; i < kCalls; ++i) {
                Handle r = host.call("add", t * kCalls + i);
                doubled += r.as_int();
            }
            // Code and values created and destroyed on this thread.
            host.exec("x_" + std::to_string(t) + " = [i for i in range(100)]");
            Handle list = host.get_global("x_" + std::to_string(t));
            EXPECT_EQ(list.len(), 100);
        });
    }
    for (std::thread& t : threads) t.join();
    long n = kThreads * kCalls;
    EXPECT_EQ(host.get_global("total").as_int(), n * (n - 1) / 2);
    EXPECT_EQ(doubled.load(), n * (n - 1));
}

TEST(HostThreads, HandleMadeOnOneThreadDroppedOnAnother) {
    Host host;
    Handle made = host.eval("{'k': [1, 2, 3]}");
    std::thread other([moved = std::move(made)]() mutable {
        EXPECT_EQ(moved["k"].len(), 3);
        Handle copy = moved;  // copied and both dropped here
    });
    other.join();
    EXPECT_EQ(host.eval("1 + 1").as_int(), 2);
}

TEST(HostThreads, CallsInterleaveWithALongScript) {
    // The host's own thread runs a loop; other host threads still get in at
    // its check points (the GIL's switch interval), as Python threads would.
    Host host;
    host.exec("import time\ncalls = 0\ndef poke():\n    global calls\n    calls += 1\n");
    std::atomic<bool> started{false};
    std::thread caller([&] {
        while (!started) std::this_thread::yield();
        for (int i = 0; i < 20; ++i) host.call("poke");
        host.exec("done = True");
    });
    host.def("mark_started", [&started](CallContext& ctx, std::span<const Handle>) {
        started = true;
        return ctx.host().none();
    });
    host.exec(
        "done = False\n"
        "mark_started()\n"
        "while not done:\n"
        "    pass\n");
    caller.join();
    EXPECT_EQ(host.get_global("calls").as_int(), 20);
}

TEST(HostThreads, HoldGilOnAnotherThread) {
    Host host;
    std::thread other([&host] {
        HoldGil gil(host);
        Handle a = host.eval("40");
        Handle b = host.eval("2");
        host.set_global("answer", host.eval("40 + 2"));
    });
    other.join();
    EXPECT_EQ(host.get_global("answer").as_int(), 42);
}

TEST(HostThreads, PoolRunsRequestsOnSeveralInterpreters) {
    HostPool pool(
        3, [] { return Options(); },
        [](Host& h) { h.exec("import threading\ndef handle(n):\n    return sum(range(n))\n"); });
    EXPECT_EQ(pool.size(), 3u);
    std::vector<std::future<std::int64_t>> results;
    for (int i = 0; i < 30; ++i) {
        results.push_back(pool.submit([i](Host& h) { return h.call("handle", i * 10).as_int(); }));
    }
    for (int i = 0; i < 30; ++i) {
        std::int64_t n = i * 10;
        EXPECT_EQ(results[i].get(), n * (n - 1) / 2);
    }
    auto failing = pool.submit([](Host& h) { return h.eval("1 / 0").as_int(); });
    EXPECT_THROW(failing.get(), ScriptError);
    // The workers are separate interpreters: a global set by a job on one
    // is not seen by the others.
    auto ident = pool.submit([](Host& h) { return h.eval("threading.get_ident()").as_int(); });
    EXPECT_NE(ident.get(), 0);
}

TEST(HostThreads, PoolSetupErrorReachesTheConstructor) {
    EXPECT_THROW(HostPool(2, {}, [](Host& h) { h.exec("raise ValueError('bad plugin')"); }),
                 ScriptError);
}

long resident_kib() {
    long pages = 0, resident = 0;
    FILE* f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) return 0;
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void one_host_lifetime() {
    Host host;
    host.exec(
        "import json, re, collections\n"
        "d = {str(i): [i] * 10 for i in range(2000)}\n"
        "s = json.dumps(d)\n"
        "class Node:\n"
        "    def __init__(self): self.me = self\n"
        "nodes = [Node() for _ in range(1000)]\n");
}

TEST(HostThreads, HostsCreatedAndDestroyedKeepRssFlat) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizers keep freed memory in quarantine and shadow it, so RSS
    // grows whatever the interpreter does; leaks are LeakSanitizer's job there.
    GTEST_SKIP() << "RSS is not meaningful under a sanitizer";
#endif
    for (int i = 0; i < 10; ++i) one_host_lifetime();  // warm-up: allocator pools, caches
    long before = resident_kib();
    for (int i = 0; i < 60; ++i) one_host_lifetime();
    long grown = resident_kib() - before;
    // A leak of even one interpreter's heap per Host (a few MiB) would add
    // up to well over this bound in 60 rounds.
    EXPECT_LT(grown, 24 * 1024) << "RSS grew by " << grown << " KiB over 60 Hosts";
}

}  // namespace
}  // namespace gilt
