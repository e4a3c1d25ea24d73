// Host::interrupt from another host thread: the running script gets
// KeyboardInterrupt (or the host's exception) at its next check point, and
// also when it is blocked in time.sleep, Lock.acquire, queue.Queue.get,
// Event.wait, socket accept/recv and select.
//
// The script calls the host function ready() just before it blocks; the
// interrupting thread waits for that, then interrupts. Whether the
// interrupt lands just before the blocking call or in it, the script must
// get the exception, and within seconds, not after the call's 60 s.
#include <gilt/gilt.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>

namespace gilt {
namespace {

class HostInterrupt : public ::testing::Test {
protected:
    Host host{quiet()};
    std::promise<void> ready_promise;

    static Options quiet() {
        Options o;
        o.stdout_sink = [](std::string_view) {};
        o.stderr_sink = [](std::string_view) {};
        return o;
    }

    void SetUp() override {
        host.def("ready", [this](CallContext& ctx, std::span<const Handle>) {
            ready_promise.set_value();
            return ctx.host().none();
        });
    }

    // Runs `source` while another thread interrupts it once it is ready;
    // returns the exception's type name and checks it came quickly.
    std::string run_interrupted(const std::string& source, const Handle* type = nullptr) {
        std::future<void> ready = ready_promise.get_future();
        std::thread interrupter([&] {
            ready.wait();
            // Lets the script reach its blocking call; the test holds
            // either way (see the top of the file).
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (type != nullptr) {
                host.interrupt(*type);
            } else {
                host.interrupt();
            }
        });
        auto start = std::chrono::steady_clock::now();
        std::string got = "no exception";
        try {
            host.exec(source);
        } catch (const ScriptError& e) {
            got = e.type_name();
        }
        interrupter.join();
        auto took = std::chrono::steady_clock::now() - start;
        EXPECT_LT(took, std::chrono::seconds(10)) << source;
        return got;
    }
};

TEST_F(HostInterrupt, RunningLoop) {
    EXPECT_EQ(run_interrupted("ready()\nwhile True:\n    pass\n"), "KeyboardInterrupt");
    // The Host works on afterwards, and the interrupt was consumed.
    EXPECT_EQ(host.eval("sum(range(5))").as_int(), 10);
}

TEST_F(HostInterrupt, TimeSleep) {
    EXPECT_EQ(run_interrupted("import time\nready()\ntime.sleep(60)\n"), "KeyboardInterrupt");
}

TEST_F(HostInterrupt, LockAcquire) {
    EXPECT_EQ(run_interrupted("import threading\nl = threading.Lock()\nl.acquire()\n"
                              "ready()\nl.acquire()\n"),
              "KeyboardInterrupt");
}

TEST_F(HostInterrupt, LockAcquireWithTimeout) {
    EXPECT_EQ(run_interrupted("import threading\nl = threading.Lock()\nl.acquire()\n"
                              "ready()\nl.acquire(timeout=60)\n"),
              "KeyboardInterrupt");
}

TEST_F(HostInterrupt, QueueGet) {
    EXPECT_EQ(run_interrupted("import queue\nq = queue.Queue()\nready()\nq.get()\n"),
              "KeyboardInterrupt");
}

TEST_F(HostInterrupt, EventWait) {
    EXPECT_EQ(run_interrupted("import threading\ne = threading.Event()\nready()\ne.wait()\n"),
              "KeyboardInterrupt");
}

TEST_F(HostInterrupt, SocketAccept) {
    EXPECT_EQ(run_interrupted("import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\n"
                              "s.listen()\nready()\ns.accept()\n"),
              "KeyboardInterrupt");
}

TEST_F(HostInterrupt, SocketRecv) {
    EXPECT_EQ(run_interrupted("import socket\na, b = socket.socketpair()\nready()\na.recv(10)\n"),
              "KeyboardInterrupt");
}

TEST_F(HostInterrupt, Select) {
    EXPECT_EQ(run_interrupted("import select, socket\na, b = socket.socketpair()\nready()\n"
                              "select.select([a], [], [])\n"),
              "KeyboardInterrupt");
}

TEST_F(HostInterrupt, HostChosenException) {
    host.exec("class Stop(Exception):\n    pass\n");
    Handle stop = host.get_global("Stop");
    EXPECT_EQ(run_interrupted("import time\nready()\ntime.sleep(60)\n", &stop), "Stop");
    EXPECT_THROW(host.interrupt(host.object(1)), ScriptError);
}

TEST_F(HostInterrupt, ScriptCanCatchIt) {
    std::string got = run_interrupted(
        "ready()\n"
        "try:\n"
        "    while True: pass\n"
        "except KeyboardInterrupt:\n"
        "    caught = True\n");
    EXPECT_EQ(got, "no exception");
    EXPECT_TRUE(host.get_global("caught").as_bool());
}

TEST_F(HostInterrupt, ScriptThreadsDoNotTakeIt) {
    // The script's worker thread spins until told to stop; the interrupt
    // goes to the host's thread, blocked in join(), which then stops it.
    std::string got = run_interrupted(
        "import threading\n"
        "stop = False\n"
        "def spin():\n"
        "    while not stop: pass\n"
        "t = threading.Thread(target=spin)\n"
        "t.start()\n"
        "ready()\n"
        "try:\n"
        "    t.join()\n"
        "finally:\n"
        "    stop = True\n"
        "    t.join()\n");
    EXPECT_EQ(got, "KeyboardInterrupt");
}

}  // namespace
}  // namespace gilt
