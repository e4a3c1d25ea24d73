// Embedding tests (include/gilt/gilt.hpp): each pairs host C++ with a
// script. Round trips through exec/eval/call, conversions both ways, host
// functions and modules called from scripts (including their error paths),
// script exceptions arriving as ScriptError, captured output, the run_*
// functions the `gilt` command uses, and two interpreters side by side.
#include <gilt/gilt.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <latch>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/unit/interp/host/host_fixture.hpp"

namespace gilt {
namespace {

// A Host whose output is captured.
using ApiTest = testing::CapturedHostTest;

TEST_F(ApiTest, ExecAndEvalRoundTrip) {
    host.exec("x = 6 * 7\ndef add(a, b):\n    return a + b\n");
    EXPECT_EQ(host.get_global("x").as_int(), 42);
    EXPECT_EQ(host.eval("x + 1").as_int(), 43);
    EXPECT_EQ(host.call("add", 2, 3).as_int(), 5);
    EXPECT_EQ(host.call("add", "a", std::string("b")).as_string(), "ab");
    EXPECT_EQ(host.call("len", "four").as_int(), 4);  // builtins are found too
    EXPECT_TRUE(host.has_global("add"));
    EXPECT_FALSE(host.has_global("nothing"));
}

TEST_F(ApiTest, GlobalsBothWays) {
    host.set_global("n", 10);
    host.set_global("name", "gilt");
    host.set_global("items", std::vector<int>{1, 2, 3});
    host.exec("total = n + sum(items)\ngreeting = 'hi ' + name\n");
    EXPECT_EQ(host.get_global("total").as_int(), 16);
    EXPECT_EQ(host.get_global("greeting").as_string(), "hi gilt");
    try {
        host.get_global("missing");
        FAIL() << "no NameError";
    } catch (const ScriptError& e) {
        EXPECT_EQ(e.type_name(), "NameError");
        EXPECT_EQ(e.message(), "name 'missing' is not defined");
    }
}

TEST_F(ApiTest, ScalarConversions) {
    EXPECT_EQ(host.object(std::numeric_limits<std::int64_t>::max()).as_int(),
              std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(host.object(std::numeric_limits<std::int64_t>::min()).repr(), "-9223372036854775808");
    EXPECT_EQ(host.object(std::numeric_limits<std::uint64_t>::max()).repr(),
              "18446744073709551615");
    EXPECT_EQ(host.object(2.5).as_double(), 2.5);
    EXPECT_EQ(host.object(3).as_double(), 3.0);
    EXPECT_EQ(host.object(true).repr(), "True");
    EXPECT_EQ(host.object(nullptr).repr(), "None");
    EXPECT_TRUE(host.none().is_none());
    EXPECT_EQ(host.object("h\xc3\xa9llo").repr(), "'h\xc3\xa9llo'");
    EXPECT_EQ(host.object(std::optional<int>{}).repr(), "None");
    EXPECT_EQ(host.object(std::optional<int>{4}).repr(), "4");
    EXPECT_FALSE(host.eval("[]").as_bool());
    EXPECT_TRUE(host.eval("[0]").as_bool());
    EXPECT_EQ(host.eval("7").as<short>(), 7);
    EXPECT_EQ(host.eval("None").as<std::optional<int>>(), std::nullopt);
}

TEST_F(ApiTest, ConversionErrors) {
    try {
        host.eval("'x'").as_int();
        FAIL();
    } catch (const ScriptError& e) {
        EXPECT_EQ(e.type_name(), "TypeError");
        EXPECT_EQ(e.message(), "'str' object cannot be interpreted as an integer");
    }
    EXPECT_THROW(host.eval("2 ** 70").as_int(), ScriptError);
    EXPECT_THROW(host.eval("300").as<std::int8_t>(), ScriptError);
    EXPECT_THROW(host.eval("-1").as<unsigned>(), ScriptError);
    EXPECT_THROW(host.eval("3").as_string(), ScriptError);
    EXPECT_THROW(host.object("bad \xff utf-8"), ScriptError);
    EXPECT_THROW(Handle().repr(), std::logic_error);
}

TEST_F(ApiTest, ContainerConversions) {
    Handle list = host.object(std::vector<std::string>{"a", "b"});
    EXPECT_EQ(list.repr(), "['a', 'b']");
    EXPECT_EQ(list.len(), 2);
    EXPECT_EQ(list[1].as_string(), "b");
    EXPECT_EQ(list[-1].as_string(), "b");
    auto back = host.eval("(1, 2, 3)").as<std::vector<int>>();
    EXPECT_EQ(back, (std::vector<int>{1, 2, 3}));
    Handle dict = host.object(std::map<std::string, double>{{"x", 1.5}, {"y", 2.0}});
    EXPECT_EQ(dict.repr(), "{'x': 1.5, 'y': 2.0}");
    EXPECT_EQ(dict["y"].as_double(), 2.0);
    auto m = host.eval("{'a': 1, 'b': [2]}").as_dict();
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m["a"].as_int(), 1);
    EXPECT_EQ(m["b"].repr(), "[2]");
    EXPECT_THROW(host.eval("{1: 2}").as_dict(), ScriptError);
    Handle t = host.tuple(std::vector<Handle>{host.object(1), host.object("x")});
    EXPECT_EQ(t.repr(), "(1, 'x')");
    EXPECT_EQ(host.eval("range(3)").as<std::vector<long>>(), (std::vector<long>{0, 1, 2}));
    Handle d = host.dict();
    d.set_item(host.object("k"), host.object(9));
    EXPECT_EQ(d.repr(), "{'k': 9}");
}

TEST_F(ApiTest, ObjectProtocol) {
    host.exec(
        "class Point:\n"
        "    def __init__(self, x, y):\n"
        "        self.x, self.y = x, y\n"
        "    def norm2(self):\n"
        "        return self.x ** 2 + self.y ** 2\n"
        "    def __repr__(self):\n"
        "        return f'Point({self.x}, {self.y})'\n");
    Handle cls = host.get_global("Point");
    Handle p = cls(3, 4);
    EXPECT_EQ(p.type_name(), "Point");
    EXPECT_EQ(p.repr(), "Point(3, 4)");
    EXPECT_EQ(p.str(), "Point(3, 4)");
    EXPECT_EQ(p.attr("norm2")().as_int(), 25);
    p.set_attr("x", 0);
    EXPECT_EQ(p.attr("norm2")().as_int(), 16);
    EXPECT_TRUE(p.has_attr("y"));
    EXPECT_FALSE(p.has_attr("z"));
    try {
        p.attr("z");
        FAIL();
    } catch (const ScriptError& e) {
        EXPECT_EQ(e.type_name(), "AttributeError");
        EXPECT_EQ(e.message(), "'Point' object has no attribute 'z'");
    }
    Handle q = p;  // a copy is the same object
    EXPECT_TRUE(q.is(p));
    EXPECT_FALSE(q.is(cls));
}

TEST_F(ApiTest, HostFunctionCalledFromScript) {
    std::vector<std::string> seen;
    host.def("scale", [&](CallContext& ctx, std::span<const Handle> args) {
        seen.push_back(std::string(ctx.function_name()));
        return ctx.host().object(args[0].as_double() * args[1].as_double());
    });
    host.def("nothing", [](CallContext&, std::span<const Handle>) { return Handle(); });
    host.exec("r = scale(1.5, 4)\nn = nothing()\n");
    EXPECT_EQ(host.get_global("r").as_double(), 6.0);
    EXPECT_TRUE(host.get_global("n").is_none());
    EXPECT_EQ(seen, std::vector<std::string>{"scale"});
    EXPECT_EQ(host.eval("scale.__name__").as_string(), "scale");
}

TEST_F(ApiTest, HostFunctionErrorsBecomePythonExceptions) {
    host.def("fail", [](CallContext&, std::span<const Handle> args) -> Handle {
        std::string kind = args[0].as_string();
        if (kind == "value") throw std::invalid_argument("bad value");
        if (kind == "index") throw std::out_of_range("too far");
        if (kind == "overflow") throw std::overflow_error("too big");
        if (kind == "runtime") throw std::runtime_error("broken");
        if (kind == "key") throw ScriptError("KeyError", "k");
        if (kind == "custom") throw ScriptError("NoSuchError", "odd");
        throw 42;
    });
    host.exec(
        "def catch(kind):\n"
        "    try:\n"
        "        fail(kind)\n"
        "    except Exception as e:\n"
        "        return f'{type(e).__name__}: {e}'\n");
    EXPECT_EQ(host.call("catch", "value").as_string(), "ValueError: bad value");
    EXPECT_EQ(host.call("catch", "index").as_string(), "IndexError: too far");
    EXPECT_EQ(host.call("catch", "overflow").as_string(), "OverflowError: too big");
    EXPECT_EQ(host.call("catch", "runtime").as_string(), "RuntimeError: broken");
    EXPECT_EQ(host.call("catch", "key").as_string(), "KeyError: 'k'");
    EXPECT_EQ(host.call("catch", "custom").as_string(), "RuntimeError: NoSuchError: odd");
    EXPECT_EQ(host.call("catch", "other").as_string(), "RuntimeError: unknown C++ exception");
    EXPECT_EQ(host.call("catch", 5).as_string(), "TypeError: expected str, got int");
}

TEST_F(ApiTest, ScriptErrorThroughHostFunctionKeepsTheOriginalException) {
    host.exec("class Custom(Exception):\n    pass\ndef inner():\n    raise Custom('deep')\n");
    host.def("relay", [](CallContext& ctx, std::span<const Handle>) {
        return ctx.host().call("inner");  // throws ScriptError, which travels back
    });
    host.exec(
        "try:\n"
        "    relay()\n"
        "except Custom as e:\n"
        "    caught = str(e)\n");
    EXPECT_EQ(host.get_global("caught").as_string(), "deep");
}

TEST_F(ApiTest, HostFunctionRefusesKeywords) {
    host.def("pos_only",
             [](CallContext& ctx, std::span<const Handle>) { return ctx.host().none(); });
    ScriptError e = error_of("pos_only(a=1)");
    EXPECT_EQ(e.type_name(), "TypeError");
    EXPECT_EQ(e.message(), "pos_only() takes no keyword arguments");
}

TEST_F(ApiTest, ScriptExceptionBecomesScriptError) {
    ScriptError e = error_of("def f():\n    return 1 / 0\nf()\n", "calc.py");
    EXPECT_EQ(e.type_name(), "ZeroDivisionError");
    EXPECT_EQ(e.message(), "division by zero");
    EXPECT_EQ(e.traceback(),
              "Traceback (most recent call last):\n"
              "  File \"calc.py\", line 3, in <module>\n"
              "    f()\n"
              "  File \"calc.py\", line 2, in f\n"
              "    return 1 / 0\n"
              "ZeroDivisionError: division by zero\n");
    EXPECT_EQ(std::string(e.what()), e.traceback());
    EXPECT_FALSE(e.exit_code());
}

TEST_F(ApiTest, SyntaxErrorBecomesScriptError) {
    ScriptError e = error_of("x = (1,\n");
    EXPECT_EQ(e.type_name(), "SyntaxError");
    EXPECT_NE(e.traceback().find("SyntaxError: '(' was never closed"), std::string::npos)
        << e.traceback();
}

TEST_F(ApiTest, SystemExitIsAnExceptionWithAStatus) {
    ScriptError e = error_of("raise SystemExit(3)");
    EXPECT_EQ(e.type_name(), "SystemExit");
    EXPECT_EQ(e.exit_code(), 3);
    EXPECT_EQ(error_of("raise SystemExit").exit_code(), 0);
    EXPECT_EQ(error_of("raise SystemExit('message')").exit_code(), 1);
}

TEST_F(ApiTest, OutputIsCaptured) {
    host.exec("import sys\nprint('hello', 42)\nsys.stderr.write('warn\\n')\n");
    EXPECT_EQ(host.finalize(), 0);  // flushes
    EXPECT_EQ(out, "hello 42\n");
    EXPECT_EQ(err, "warn\n");
}

TEST_F(ApiTest, HostModuleIsImportable) {
    Handle mod =
        host.def_module("hostmod", {{"twice",
                                     [](CallContext& ctx, std::span<const Handle> args) {
                                         return ctx.host().object(args[0].as_int() * 2);
                                     }},
                                    {"name", [](CallContext& ctx, std::span<const Handle>) {
                                         return ctx.host().object("host");
                                     }}});
    mod.set_attr("VERSION", "1.0");
    host.exec(
        "import hostmod\nfrom hostmod import name\ny = hostmod.twice(21)\nz = name() + "
        "hostmod.VERSION\n");
    EXPECT_EQ(host.get_global("y").as_int(), 42);
    EXPECT_EQ(host.get_global("z").as_string(), "host1.0");
    EXPECT_EQ(host.import("hostmod").attr("__name__").as_string(), "hostmod");
}

TEST_F(ApiTest, RunSourceReportsLikeTheCommand) {
    EXPECT_EQ(host.run_source("print('ok')\n", "<string>"), 0);
    EXPECT_EQ(host.run_source("raise ValueError('boom')\n", "<string>"), 1);
    EXPECT_EQ(host.run_source("import sys\nsys.exit(5)\n", "<string>"), 5);
    EXPECT_EQ(host.run_source("raise SystemExit('bye')\n", "<string>"), 1);
    EXPECT_FALSE(host.unhandled_keyboard_interrupt());
    EXPECT_EQ(host.run_source("raise KeyboardInterrupt\n", "<string>"), 130);
    EXPECT_TRUE(host.unhandled_keyboard_interrupt());
    host.finalize();
    EXPECT_EQ(out, "ok\n");
    EXPECT_EQ(err,
              "Traceback (most recent call last):\n"
              "  File \"<string>\", line 1, in <module>\n"
              "ValueError: boom\n"
              "bye\n"
              "Traceback (most recent call last):\n"
              "  File \"<string>\", line 1, in <module>\n"
              "KeyboardInterrupt\n");
}

TEST_F(ApiTest, RunFileThatDoesNotExist) {
    EXPECT_EQ(host.run_file("/nonexistent/dir/x.py"), 2);
    EXPECT_EQ(
        err,
        "gilt: can't open file '/nonexistent/dir/x.py': [Errno 2] No such file or directory\n");
}

TEST_F(ApiTest, RunModuleThatDoesNotExist) {
    EXPECT_EQ(host.run_module("no_such_module_anywhere"), 1);
    host.finalize();
    EXPECT_EQ(err, "gilt: No module named no_such_module_anywhere\n");
}

TEST(ApiOptions, ArgvXoptionsAndPath) {
    Options o;
    o.argv = {"prog.py", "a"};
    o.xoptions = {"dev", "level=3"};
    o.path = {"/some/dir", ""};
    Host host(o);
    host.exec("import sys\n");
    EXPECT_EQ(host.eval("sys.argv").repr(), "['prog.py', 'a']");
    EXPECT_EQ(host.eval("sys._xoptions").repr(), "{'dev': True, 'level': '3'}");
    EXPECT_EQ(host.eval("sys.path[:2]").repr(), "['/some/dir', '']");
    Host plain;
    plain.exec("import sys\n");
    EXPECT_EQ(plain.eval("sys.argv").repr(), "['']");
}

TEST(ApiInterpreters, TwoHostsAreIndependent) {
    Host a, b;
    a.exec("x = 'a'\nimport sys\nsys.marker = 1\n");
    b.exec("x = 'b'\nimport sys\n");
    EXPECT_EQ(a.get_global("x").as_string(), "a");
    EXPECT_EQ(b.get_global("x").as_string(), "b");
    EXPECT_FALSE(b.eval("hasattr(sys, 'marker')").as_bool());
}

// Run under the tsan preset: two interpreters busy at the same time on two
// threads must not share anything mutable.
TEST(ApiInterpreters, TwoHostsOnTwoThreadsConcurrently) {
    std::latch start(2);
    std::string results[2];
    auto work = [&](int id) {
        Host host;
        host.set_global("me", id);
        host.def("tag", [](CallContext& ctx, std::span<const Handle> args) {
            return ctx.host().object("t" + args[0].str());
        });
        host.exec(
            "def spin(n):\n    total = 0\n    for i in range(n):\n        total += i % 7\n    "
            "return total\n");
        start.arrive_and_wait();
        Handle total = host.call("spin", 20000);
        host.exec("x = [me] * 3\ns = tag(me)\n");
        results[id] =
            host.eval("x").repr() + " " + host.get_global("s").as_string() + " " + total.repr();
    };
    std::thread t0(work, 0), t1(work, 1);
    t0.join();
    t1.join();
    EXPECT_EQ(results[0], "[0, 0, 0] t0 59997");
    EXPECT_EQ(results[1], "[1, 1, 1] t1 59997");
}

// Waits up to 10 s for `flag`; true when it was set.
bool wait_for(const std::atomic<bool>& flag) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!flag.load() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return flag.load();
}

// A host function called on a script thread, and the Host's thread not
// holding the GIL between API calls: the script thread runs meanwhile.
TEST(ApiThreads, ScriptThreadsRunBetweenCalls) {
    Host host;
    std::atomic<bool> flag{false};
    host.def("set_flag", [&](CallContext& ctx, std::span<const Handle> args) {
        flag = args[0].as_bool();
        return ctx.host().object("set");
    });
    host.exec("import threading\nt = threading.Thread(target=set_flag, args=(True,))\nt.start()\n");
    EXPECT_TRUE(wait_for(flag));  // no API call here: the GIL is free
    host.exec("t.join()\n");
}

TEST(ApiThreads, ReleaseGilLetsScriptThreadsRun) {
    Host host;
    std::atomic<bool> flag{false};
    host.def("set_flag", [&](CallContext&, std::span<const Handle>) {
        flag = true;
        return Handle();
    });
    host.def("wait_flag", [&](CallContext& ctx, std::span<const Handle>) {
        bool ok;
        {
            ReleaseGil unlocked(ctx);
            ok = wait_for(flag);
        }
        return ctx.host().object(ok);
    });
    host.exec(
        "import threading\n"
        "t = threading.Thread(target=set_flag)\n"
        "t.start()\n"
        "ok = wait_flag()\n"
        "t.join()\n");
    EXPECT_TRUE(host.get_global("ok").as_bool());
}

}  // namespace
}  // namespace gilt
