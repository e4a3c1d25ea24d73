// Async host functions (Host::def_async): C++ bodies on fibers that await
// script awaitables, sleep on the loop and wait for descriptors, seen by
// scripts as coroutines: awaited, gathered, cancelled, timed out; and a Host
// destroyed while one is suspended.
#include <gilt/gilt.hpp>

#include <gtest/gtest.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "tests/unit/interp/host/host_fixture.hpp"

namespace gilt {
namespace {

using ApiAsyncTest = testing::CapturedHostTest;

TEST_F(ApiAsyncTest, SuspendsSeveralTimes) {
    host.def_async("twice", [](AsyncContext& cx, std::span<const Handle> args) {
        std::int64_t total = 0;
        for (int i = 0; i < 3; ++i) {
            cx.sleep(0);
            total += cx.await(args[0](i)).as_int();  // a script coroutine
        }
        cx.sleep(0.01);
        return cx.host().object(total);
    });
    host.exec(
        "import asyncio\n"
        "async def double(x):\n"
        "    await asyncio.sleep(0)\n"
        "    return 2 * x\n"
        "print(asyncio.run(twice(double)))\n");
    EXPECT_EQ(out, "6\n");
}

TEST_F(ApiAsyncTest, CppExceptionBecomesScriptException) {
    host.def_async("fails", [](AsyncContext& cx, std::span<const Handle>) -> Handle {
        cx.sleep(0);
        throw std::runtime_error("disk on fire");
    });
    host.def_async("bad_value", [](AsyncContext& cx, std::span<const Handle>) -> Handle {
        cx.sleep(0);
        throw ScriptError("ValueError", "no such key");
    });
    host.exec(
        "import asyncio\n"
        "async def main():\n"
        "    for f in (fails, bad_value):\n"
        "        try:\n"
        "            await f()\n"
        "        except Exception as e:\n"
        "            print(type(e).__name__, e)\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out, "RuntimeError disk on fire\nValueError no such key\n");
}

TEST_F(ApiAsyncTest, ScriptExceptionReachesTheBodyAndGoesBackAsItself) {
    host.def_async("relay", [](AsyncContext& cx, std::span<const Handle> args) -> Handle {
        try {
            cx.await(args[0]());
        } catch (const ScriptError& e) {
            cx.host().set_global("seen", e.type_name() + ": " + e.message());
            throw;
        }
        return Handle();
    });
    host.exec(
        "import asyncio\n"
        "class Boom(Exception): pass\n"
        "async def boom():\n"
        "    raise Boom('bang')\n"
        "async def main():\n"
        "    try:\n"
        "        await relay(boom)\n"
        "    except Boom as e:\n"
        "        print('caught', type(e).__name__, e)\n"
        "asyncio.run(main())\n"
        "print(seen)\n");
    EXPECT_EQ(out, "caught Boom bang\nBoom: bang\n");
}

TEST_F(ApiAsyncTest, CancelledWhileSuspendedRunsCleanup) {
    std::vector<std::string> log;
    host.def_async("slow", [&log](AsyncContext& cx, std::span<const Handle>) -> Handle {
        struct Guard {
            std::vector<std::string>& log;
            ~Guard() { log.push_back("stack unwound"); }
        } guard{log};
        try {
            cx.sleep(10);
        } catch (const ScriptError& e) {
            log.push_back("cleanup after " + e.type_name());
            throw;
        }
        log.push_back("not reached");
        return Handle();
    });
    host.exec(
        "import asyncio\n"
        "async def main():\n"
        "    task = asyncio.create_task(slow())\n"
        "    await asyncio.sleep(0)\n"
        "    task.cancel()\n"
        "    try:\n"
        "        await task\n"
        "    except asyncio.CancelledError:\n"
        "        print('cancelled', task.cancelled())\n"
        "    try:\n"
        "        await asyncio.wait_for(slow(), 0.01)\n"
        "    except asyncio.TimeoutError:\n"
        "        print('timed out')\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out, "cancelled True\ntimed out\n");
    EXPECT_EQ(log, (std::vector<std::string>{"cleanup after CancelledError", "stack unwound",
                                             "cleanup after CancelledError", "stack unwound"}));
}

TEST_F(ApiAsyncTest, GatheredCallsInterleave) {
    Handle module = host.def_module("net", {});
    host.def_async(module, "worker", [](AsyncContext& cx, std::span<const Handle> args) -> Handle {
        Handle log = args[1];
        for (int i = 0; i < 3; ++i) {
            log.attr("append")(args[0].as_string() + std::to_string(i));
            cx.sleep(0);
        }
        return args[0];
    });
    host.exec(
        "import asyncio, net\n"
        "async def main():\n"
        "    log = []\n"
        "    async def script_task():\n"
        "        for i in range(3):\n"
        "            log.append('s' + str(i))\n"
        "            await asyncio.sleep(0)\n"
        "    r = await asyncio.gather(net.worker('a', log), net.worker('b', log), script_task())\n"
        "    print(r)\n"
        "    print(log)\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out,
              "['a', 'b', None]\n"
              "['a0', 'b0', 's0', 'a1', 'b1', 's1', 'a2', 'b2', 's2']\n");
}

TEST_F(ApiAsyncTest, WaitsForADescriptor) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    host.def_async("read_byte", [&](AsyncContext& cx, std::span<const Handle>) -> Handle {
        cx.wait_writable(fds[1]);
        cx.wait_readable(fds[0]);
        char c = 0;
        if (::read(fds[0], &c, 1) != 1) throw std::runtime_error("read failed");
        return cx.host().object(std::string(1, c));
    });
    host.set_global("wfd", fds[1]);
    host.exec(
        "import asyncio, os\n"
        "async def main():\n"
        "    t = asyncio.create_task(read_byte())\n"
        "    await asyncio.sleep(0.01)\n"
        "    print(t.done())\n"
        "    os.write(wfd, b'x')\n"
        "    print(await t)\n"
        "asyncio.run(main())\n");
    ::close(fds[0]);
    ::close(fds[1]);
    EXPECT_EQ(out, "False\nx\n");
}

TEST(ApiAsyncTeardown, HostDestroyedWithAFiberSuspended) {
    bool unwound = false;
    {
        Host host;
        host.def_async("forever", [&](AsyncContext& cx, std::span<const Handle> args) -> Handle {
            struct Guard {
                bool& flag;
                ~Guard() { flag = true; }
            } guard{unwound};
            Handle kept = args[0];  // a Handle on the fiber stack
            cx.await(kept);
            return Handle();
        });
        host.exec(
            "import asyncio\n"
            "loop = asyncio.new_event_loop()\n"
            "never = loop.create_future()\n"
            "task = loop.create_task(forever(never))\n"
            "loop.run_until_complete(asyncio.sleep(0.01))\n"
            "print(task.done())\n");
    }
    EXPECT_TRUE(unwound);
}

}  // namespace
}  // namespace gilt
