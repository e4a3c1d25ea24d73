// Threads, locks and the GIL seen from Python: _thread, threading, queue,
// time.sleep releasing the GIL, shutdown with daemon threads, and Ctrl-C
// (SIGINT) interrupting the main thread's blocking waits in a real `gilt`
// process.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "runtime/thread_start.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt::testing {
namespace {

using ThreadTest = ScriptTest;

TEST_F(ThreadTest, StartNewThreadAndLocks) {
    EXPECT_EQ(run("import _thread\n"
                  "done = _thread.allocate_lock()\n"
                  "done.acquire()\n"
                  "out = []\n"
                  "def f(a, b=0):\n"
                  "    out.append(a + b)\n"
                  "    done.release()\n"
                  "ident = _thread.start_new_thread(f, (1,), {'b': 2})\n"
                  "done.acquire()\n"
                  "print(out, type(ident).__name__, ident != _thread.get_ident())\n"),
              "[3] int True\n");
}

TEST_F(ThreadTest, StartNewThreadArgumentErrors) {
    EXPECT_EQ(run("import _thread\n_thread.start_new_thread(1, ())\n"),
              "TypeError: first arg must be callable\n");
    EXPECT_EQ(run("import _thread\n_thread.start_new_thread(print, [])\n"),
              "TypeError: 2nd arg must be a tuple\n");
    EXPECT_EQ(run("import _thread\n_thread.start_new_thread(print, (), 1)\n"),
              "TypeError: optional 3rd arg must be a dictionary\n");
}

TEST_F(ThreadTest, LockedCounterIsExact) {
    EXPECT_EQ(run("import threading\n"
                  "n = 0\n"
                  "lock = threading.Lock()\n"
                  "def inc():\n"
                  "    global n\n"
                  "    for _ in range(20000):\n"
                  "        with lock:\n"
                  "            n += 1\n"
                  "ts = [threading.Thread(target=inc) for _ in range(4)]\n"
                  "for t in ts: t.start()\n"
                  "for t in ts: t.join()\n"
                  "print(n, threading.active_count())\n"),
              "80000 1\n");
}

TEST_F(ThreadTest, ContendedLocksNeverLoseAWakeUp) {
    // Holders sleep (GIL released) inside the lock, so the others really block
    // in the lock's wait; a hand-off chain releases locks from other threads.
    // A lost wake-up would hang here (the test's time-out fails it).
    EXPECT_EQ(run("import sys, threading, time\n"
                  "sys.setswitchinterval(1e-6)\n"
                  "n = [0, 0]\n"
                  "lock, rlock = threading.Lock(), threading.RLock()\n"
                  "def worker():\n"
                  "    for i in range(300):\n"
                  "        with lock:\n"
                  "            n[0] += 1\n"
                  "            if i % 10 == 0: time.sleep(0)\n"
                  "        with rlock:\n"
                  "            with rlock:\n"
                  "                n[1] += 1\n"
                  "                if i % 10 == 5: time.sleep(0)\n"
                  "ts = [threading.Thread(target=worker) for _ in range(4)]\n"
                  "for t in ts: t.start()\n"
                  "batons = [threading.Lock() for _ in range(4)]\n"
                  "for b in batons: b.acquire()\n"
                  "hops = []\n"
                  "def runner(k):\n"
                  "    for r in range(200):\n"
                  "        batons[k].acquire()\n"
                  "        hops.append(k)\n"
                  "        batons[(k + 1) % 4].release()\n"
                  "rs = [threading.Thread(target=runner, args=(k,)) for k in range(4)]\n"
                  "for t in rs: t.start()\n"
                  "batons[0].release()\n"
                  "for t in ts + rs: t.join()\n"
                  "print(n, len(hops), hops[:8], rlock._is_owned(), lock.locked())\n"),
              "[1200, 1200] 800 [0, 1, 2, 3, 0, 1, 2, 3] False False\n");
}

TEST_F(ThreadTest, UncaughtExceptionInRawThreadIsReported) {
    run("import _thread, time\n"
        "done = _thread.allocate_lock()\n"
        "done.acquire()\n"
        "def f():\n"
        "    try:\n"
        "        raise ValueError('boom')\n"
        "    finally:\n"
        "        done.release()\n"
        "_thread.start_new_thread(f, ())\n"
        "done.acquire()\n"
        "while _thread._count():\n"
        "    time.sleep(0.001)\n");
    EXPECT_EQ(err.rfind("Exception ignored in thread started by: <function f at ", 0), 0u) << err;
    EXPECT_NE(err.find("Traceback (most recent call last):"), std::string::npos) << err;
    EXPECT_TRUE(err.ends_with("ValueError: boom\n")) << err;
}

TEST_F(ThreadTest, DefaultExcepthookFormat) {
    EXPECT_EQ(run("import threading\n"
                  "def bad():\n"
                  "    raise KeyError('k')\n"
                  "t = threading.Thread(target=bad)\n"
                  "t.start()\n"
                  "t.join()\n"
                  "print('alive')\n"),
              "alive\n");
    EXPECT_EQ(
        err.rfind("Exception in thread Thread-1 (bad):\nTraceback (most recent call last):\n", 0),
        0u)
        << err;
    EXPECT_TRUE(err.ends_with("KeyError: 'k'\n")) << err;
}

TEST_F(ThreadTest, SleepReleasesTheGil) {
    EXPECT_EQ(run("import threading, time\n"
                  "start = time.monotonic()\n"
                  "ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(5)]\n"
                  "for t in ts: t.start()\n"
                  "for t in ts: t.join()\n"
                  "print(time.monotonic() - start < 0.8)\n"),
              "True\n");
}

TEST_F(ThreadTest, QueueWorkers) {
    EXPECT_EQ(run("import queue, threading\n"
                  "q = queue.Queue(maxsize=2)\n"
                  "out = []\n"
                  "def consume():\n"
                  "    while (item := q.get()) is not None:\n"
                  "        out.append(item)\n"
                  "        q.task_done()\n"
                  "    q.task_done()\n"
                  "t = threading.Thread(target=consume)\n"
                  "t.start()\n"
                  "for i in range(50): q.put(i)\n"
                  "q.put(None)\n"
                  "q.join()\n"
                  "t.join()\n"
                  "print(out == list(range(50)))\n"),
              "True\n");
}

TEST_F(ThreadTest, ShutdownWaitsForThreadsAndSpotsDaemons) {
    EXPECT_EQ(run("import threading\n"
                  "stop = threading.Event()\n"
                  "d = threading.Thread(target=stop.wait, daemon=True)\n"
                  "d.start()\n"
                  "threading.Thread(target=lambda: None).start()\n"
                  "threading._shutdown()\n"),
              "");
    EXPECT_FALSE(wait_for_thread_exits(ts));  // the daemon thread still runs Python
    EXPECT_EQ(run("stop.set()\nd.join()\n"), "");
    EXPECT_TRUE(wait_for_thread_exits(ts));
    EXPECT_EQ(running_thread_count(interp), 0u);
}

#ifdef GILT_BINARY

// Runs `gilt -c source` with stdout and stderr on pipes, waits for it to
// print "ready", sends SIGINT and collects stderr and the wait status.
struct Interrupted {
    std::string err;
    int status = 0;
};

Interrupted run_and_interrupt(const std::string& source) {
    int out_pipe[2], err_pipe[2];
    EXPECT_EQ(::pipe(out_pipe), 0);
    EXPECT_EQ(::pipe(err_pipe), 0);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGINT, SIG_DFL);  // not inherited as ignored from a background shell
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        ::execl(GILT_BINARY, GILT_BINARY, "-c", source.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    std::string out;
    char buf[256];
    while (out.find("ready") == std::string::npos) {
        ssize_t n = ::read(out_pipe[0], buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let it block
    ::kill(pid, SIGINT);
    Interrupted result;
    for (;;) {
        ssize_t n = ::read(err_pipe[0], buf, sizeof buf);
        if (n <= 0) break;
        result.err.append(buf, static_cast<std::size_t>(n));
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    ::waitpid(pid, &result.status, 0);
    return result;
}

// CPython ends by re-raising SIGINT after an uncaught KeyboardInterrupt, so
// a shell reports status 130.
void expect_keyboard_interrupt(const Interrupted& r) {
    EXPECT_TRUE(r.err.ends_with("KeyboardInterrupt\n")) << r.err;
    EXPECT_NE(r.err.find("Traceback (most recent call last):"), std::string::npos) << r.err;
    EXPECT_TRUE(WIFSIGNALED(r.status) && WTERMSIG(r.status) == SIGINT) << "status " << r.status;
}

TEST(ThreadInterrupt, CtrlCInterruptsSleep) {
    expect_keyboard_interrupt(
        run_and_interrupt("import time\nprint('ready', flush=True)\ntime.sleep(30)\n"));
}

TEST(ThreadInterrupt, CtrlCInterruptsLockAcquire) {
    expect_keyboard_interrupt(
        run_and_interrupt("import threading\nl = threading.Lock()\nl.acquire()\nprint('ready', "
                          "flush=True)\nl.acquire()\n"));
}

TEST(ThreadInterrupt, CtrlCInterruptsJoin) {
    expect_keyboard_interrupt(
        run_and_interrupt("import threading\nstop = threading.Event()\n"
                          "t = threading.Thread(target=stop.wait, daemon=True)\nt.start()\n"
                          "print('ready', flush=True)\nt.join()\n"));
}

// Blocking socket and select calls release the GIL in an interruptible wait.
TEST(ThreadInterrupt, CtrlCInterruptsRecv) {
    expect_keyboard_interrupt(run_and_interrupt(
        "import socket\na, b = socket.socketpair()\nprint('ready', flush=True)\na.recv(10)\n"));
}

TEST(ThreadInterrupt, CtrlCInterruptsRecvWithTimeout) {
    expect_keyboard_interrupt(
        run_and_interrupt("import socket\na, b = socket.socketpair()\na.settimeout(30)\n"
                          "print('ready', flush=True)\na.recv(10)\n"));
}

TEST(ThreadInterrupt, CtrlCInterruptsAccept) {
    expect_keyboard_interrupt(
        run_and_interrupt("import socket\nsrv = socket.create_server(('127.0.0.1', 0))\n"
                          "print('ready', flush=True)\nsrv.accept()\n"));
}

TEST(ThreadInterrupt, CtrlCInterruptsSelectAndPoll) {
    for (const char* wait :
         {"select.select([a], [], [])", "p = select.poll(); p.register(a, select.POLLIN); p.poll()",
          "e = select.epoll(); e.register(a, select.EPOLLIN); e.poll()"}) {
        expect_keyboard_interrupt(run_and_interrupt(
            std::string(
                "import select, socket\na, b = socket.socketpair()\nprint('ready', flush=True)\n") +
            wait + "\n"));
    }
}

#endif  // GILT_BINARY

}  // namespace
}  // namespace gilt::testing
