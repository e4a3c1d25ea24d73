// The sandbox's limits through the embedding API: the budget of check
// points (spent, topped up, refilled by a callback, a host-chosen
// exception), the time limit per call, and the heap cap (MemoryError in
// the capped Host only). The escape attempts are sandbox_escape_test.cpp.
#include <gilt/gilt.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

namespace gilt {
namespace {

Options quiet(Options o) {
    o.stdout_sink = [](std::string_view) {};
    o.stderr_sink = [](std::string_view) {};
    return o;
}

std::string error_type(Host& host, std::string_view source) {
    try {
        host.exec(source);
    } catch (const ScriptError& e) {
        return e.type_name();
    }
    return "no exception";
}

constexpr const char* kCount =
    "def count(n):\n"
    "    i = 0\n"
    "    while i < n:\n"
    "        i += 1\n"
    "    return i\n";

TEST(SandboxBudget, SpentBudgetRaisesUntilToppedUp) {
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.budget = 1000;
    Host host(quiet(o));
    host.exec(kCount);
    EXPECT_EQ(host.call("count", 100).as_int(), 100);
    EXPECT_EQ(error_type(host, "count(10 ** 6)"), "BudgetExceeded");
    EXPECT_EQ(host.budget_left(), 0);
    // Still spent: the next loop iteration raises again.
    EXPECT_EQ(error_type(host, "count(10)"), "BudgetExceeded");
    host.add_budget(2000000);
    EXPECT_EQ(host.call("count", 1000000).as_int(), 1000000);
    EXPECT_GT(host.budget_left(), 0);
    EXPECT_LE(host.budget_left(), 1000000);
}

TEST(SandboxBudget, ScriptSeesTheBudgetAndTheExceptionClass) {
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.budget = 100000;
    Host host(quiet(o));
    host.exec(kCount);
    host.exec(
        "import gilt\n"
        "left = gilt.budget_left()\n"
        "try:\n"
        "    count(10 ** 7)\n"
        "except gilt.BudgetExceeded as e:\n"
        "    caught = (type(e).__name__, str(e), isinstance(e, RuntimeError))\n");
    EXPECT_GT(host.get_global("left").as_int(), 90000);
    // get_global, not eval: eval's frame would meet the spent budget.
    EXPECT_EQ(host.get_global("caught").repr(),
              "('BudgetExceeded', 'script budget exhausted', True)");
}

TEST(SandboxBudget, RefillCallbackIsAskedWhenSpent) {
    int asked = 0;
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.budget = 100;
    o.sandbox.on_budget_spent = [&asked]() -> std::int64_t { return ++asked <= 3 ? 1000 : 0; };
    Host host(quiet(o));
    host.exec(kCount);
    EXPECT_EQ(host.call("count", 2000).as_int(), 2000);  // two refills
    EXPECT_EQ(error_type(host, "count(10 ** 6)"), "BudgetExceeded");
    EXPECT_EQ(asked, 4);
}

TEST(SandboxBudget, HostChosenException) {
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.budget = 100;
    Host host(quiet(o));
    host.exec(kCount);
    host.exec("class OutOfFuel(Exception):\n    pass\n");
    host.set_budget_exception(host.get_global("OutOfFuel"));
    EXPECT_EQ(error_type(host, "count(10 ** 6)"), "OutOfFuel");
    EXPECT_THROW(host.set_budget_exception(host.object(3)), ScriptError);
    host.set_budget_exception(Handle());
    EXPECT_EQ(error_type(host, "count(10 ** 6)"), "BudgetExceeded");
}

TEST(SandboxBudget, RecursionCountsCalls) {
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.budget = 50;
    Host host(quiet(o));
    host.exec("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n");
    EXPECT_EQ(error_type(host, "fib(25)"), "BudgetExceeded");
}

TEST(SandboxTime, LimitIsPerCall) {
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.time_limit = 0.2;
    Host host(quiet(o));
    EXPECT_EQ(error_type(host, "while True: pass"), "TimeLimitExceeded");
    // A new call gets a new 0.2 seconds.
    host.exec("import time\nt = time.monotonic()\nwhile time.monotonic() - t < 0.1: pass\n");
    EXPECT_EQ(error_type(host, "import time\ntime.sleep(100)"), "TimeLimitExceeded");
    host.exec(
        "import gilt\n"
        "try:\n"
        "    while True: pass\n"
        "except gilt.TimeLimitExceeded as e:\n"
        "    msg = (str(e), isinstance(e, gilt.BudgetExceeded))\n");
    EXPECT_EQ(host.eval("msg").repr(), "('script time limit of 0.2 s exceeded', True)");
}

TEST(SandboxMemory, CapRaisesMemoryErrorInThatHostOnly) {
    Options o;
    o.sandbox.memory_limit = std::size_t(32) << 20;  // a plain Host may cap its heap too
    Host capped(quiet(o));
    Host plain;
    std::size_t before = capped.memory_used();
    EXPECT_GT(before, 0u);
    EXPECT_LT(before, std::size_t(16) << 20);
    capped.exec("big = ['x' * 1000 for _ in range(10000)]\n");
    EXPECT_GT(capped.memory_used(), before + 10000 * 1000);
    capped.exec("del big\n");
    EXPECT_LT(capped.memory_used(), before + (std::size_t(2) << 20));
    EXPECT_EQ(error_type(capped, "x = []\nwhile True:\n    x.append(bytearray(100000))"),
              "MemoryError");
    EXPECT_EQ(error_type(capped, "b = bytearray(40 * 1024 * 1024)"), "MemoryError");
    EXPECT_EQ(error_type(capped, "l = [None] * (5 * 1024 * 1024)"), "MemoryError");
    EXPECT_LE(capped.memory_peak(), std::size_t(32) << 20);
    // The capped host recovers once the script lets go...
    capped.exec("x = None\nok = len([i for i in range(100000)])\n");
    EXPECT_EQ(capped.get_global("ok").as_int(), 100000);
    // ...and the plain one never felt it.
    plain.exec("big = bytearray(100 * 1024 * 1024)\nn = len(big)\n");
    EXPECT_EQ(plain.get_global("n").as_int(), 100 * 1024 * 1024);
    EXPECT_EQ(plain.memory_used(), 0u);  // not counted without a cap
}

TEST(SandboxMemory, DictAndStringGrowthAreCounted) {
    Options o;
    o.sandbox.memory_limit = std::size_t(24) << 20;
    Host capped(quiet(o));
    EXPECT_EQ(error_type(capped, "d = {}\nfor i in range(10 ** 7):\n    d[i] = None"),
              "MemoryError");
    capped.exec("d = None\n");
    EXPECT_EQ(error_type(capped, "s = 'ab'\nwhile True:\n    s += s"), "MemoryError");
    capped.exec("s = None\n");
    EXPECT_EQ(capped.eval("len('still fine' * 3)").as_int(), 30);
}

// What a script can grow without bound is counted: big integers' GMP
// limbs, the frame stack, bytearray and in-memory streams. Each ends in
// MemoryError under the cap, and the Host is back near where it started.
class SandboxGrowth : public ::testing::Test {
protected:
    // `before` is taken after a first call: the frame stack's first chunk
    // (and the spare kept beside it) stay for the Host's life.
    SandboxGrowth() : capped(quiet(capped_options())) {
        capped.exec("def warm(n):\n    return n if n < 1 else warm(n - 1)\nwarm(100)\n");
        before = capped.memory_used();
    }
    static Options capped_options() {
        Options o;
        o.sandbox.memory_limit = std::size_t(64) << 20;
        return o;
    }
    // The first call lets go of the last error (and its traceback).
    void expect_recovered() {
        EXPECT_EQ(capped.eval("sum(range(10))").as_int(), 45);
        EXPECT_LT(capped.memory_used(), before + (std::size_t(2) << 20));
        EXPECT_EQ(capped.eval("len([str(i) for i in range(10000)])").as_int(), 10000);
    }
    Host capped;
    std::size_t before = 0;
};

TEST_F(SandboxGrowth, BigIntegerLimbsAreCounted) {
    capped.exec("x = 7 ** 3000000\n");  // about 1 MiB of limbs
    EXPECT_GT(capped.memory_used(), before + (std::size_t(1) << 20));
    capped.exec("del x\n");
    EXPECT_LT(capped.memory_used(), before + (std::size_t(512) << 10));
}

TEST_F(SandboxGrowth, HugePowerIsRefused) {
    EXPECT_EQ(error_type(capped, "x = 10 ** (10 ** 8)"), "MemoryError");
    EXPECT_EQ(error_type(capped, "x = 1 << (10 ** 9)"), "MemoryError");
    EXPECT_EQ(error_type(capped, "x = 7 ** 10 ** 7\ny = [x * i for i in range(2, 100)]"),
              "MemoryError");
    capped.exec("x = y = None\n");
    expect_recovered();
}

TEST_F(SandboxGrowth, DeepRecursionEndsInMemoryError) {
    EXPECT_EQ(error_type(capped,
                         "import sys\n"
                         "sys.setrecursionlimit(10 ** 6)\n"
                         "def f(n):\n"
                         "    return f(n + 1)\n"
                         "f(0)"),
              "MemoryError");
    expect_recovered();
}

TEST_F(SandboxGrowth, MemoryErrorAtTheCapHasItsTraceback) {
    std::string text;
    try {
        capped.exec(
            "def hog():\n    x = []\n    while True:\n        x.append([0] * 1000)\nhog()\n",
            "hog.py");
    } catch (const ScriptError& e) {
        text = e.traceback();
    }
    EXPECT_NE(text.find("Traceback (most recent call last):"), std::string::npos) << text;
    EXPECT_NE(text.find("in hog"), std::string::npos) << text;
    EXPECT_NE(text.find("MemoryError"), std::string::npos) << text;
    expect_recovered();
}

TEST_F(SandboxGrowth, GrowingBytearrayEndsInMemoryError) {
    EXPECT_EQ(error_type(capped, "b = bytearray()\nwhile True:\n    b += bytes(65536)"),
              "MemoryError");
    capped.exec("b = None\n");
    expect_recovered();
}

TEST_F(SandboxGrowth, GrowingBytesIOEndsInMemoryError) {
    EXPECT_EQ(error_type(capped,
                         "import io\n"
                         "s = io.BytesIO()\n"
                         "chunk = bytes(65536)\n"
                         "while True:\n"
                         "    s.write(chunk)"),
              "MemoryError");
    capped.exec("s = None\n");
    expect_recovered();
    EXPECT_EQ(error_type(capped,
                         "import io\n"
                         "s = io.StringIO()\n"
                         "while True:\n"
                         "    s.write('x' * 65536)"),
              "MemoryError");
    capped.exec("s = None\n");
    expect_recovered();
}

// A big power runs in steps that the limits and host interrupts stop.
TEST(SandboxLongOperations, BigPowerCountsAgainstTheBudget) {
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.budget = 10;
    Host host(quiet(o));
    EXPECT_EQ(error_type(host, "x = 3 ** (10 ** 8)"), "BudgetExceeded");
}

TEST(SandboxLongOperations, BigPowerStopsAtTheTimeLimit) {
    Options o;
    o.sandbox.enabled = true;
    o.sandbox.time_limit = 0.05;
    Host host(quiet(o));
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(error_type(host, "x = 3 ** (10 ** 9)"), "TimeLimitExceeded");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(SandboxLongOperations, BigPowerStopsAtAHostInterrupt) {
    Host host(quiet(Options{}));
    std::thread stopper([&host] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        host.interrupt();
    });
    EXPECT_EQ(error_type(host, "x = 3 ** (10 ** 9)"), "KeyboardInterrupt");
    stopper.join();
}

}  // namespace
}  // namespace gilt
