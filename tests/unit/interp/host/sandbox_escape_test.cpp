// The sandbox escape suite: untrusted scripts try every way out we know of,
// and each attempt must end in a Python exception while the host, and a
// second Host in the same process, keep running (runtime/sandbox.hpp,
// docs/embedding_sandbox.md).
//
// Two hosts are attacked. The default sandbox (Options::sandboxed()) allows
// only its safe module set, so most attempts already fail at the import
// gate. The lenient sandbox allows importing os, io, sys, gc, pathlib,
// threading, pickle and the rest: it shows that the capabilities are gone
// at their source, so a host that allows too much still gives nothing away.
//
// Every attempt is one row below (its name is the ctest name) with the
// exception type(s) it must end in.

#include <gilt/gilt.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gilt {
namespace {

struct Attempt {
    const char* name;
    const char* source;
    std::vector<std::string> expected;  // the type name must be one of these
};

std::ostream& operator<<(std::ostream& os, const Attempt& a) {
    return os << a.name;
}

// Finds a module by walking the object graph from object.__subclasses__()
// through every function's __globals__ (the classic escape route), without
// importing anything. LookupError when nothing reaches it.
constexpr const char* kWalker = R"PY(
def reach(name):
    seen = set()
    todo = list(object.__subclasses__())
    while todo:
        cls = todo.pop()
        if id(cls) in seen:
            continue
        seen.add(id(cls))
        try:
            todo.extend(type.__subclasses__(cls))
        except TypeError:
            pass
        for v in list(vars(cls).values()):
            g = getattr(v, '__globals__', None)
            if isinstance(g, dict):
                for m in list(g.values()):
                    if type(m).__name__ == 'module' and getattr(m, '__name__', '') == name:
                        return m
    raise LookupError(name + ' not reachable')
)PY";

const std::vector<Attempt>& default_attempts() {
    static const std::vector<Attempt> kAttempts = {
        {"OpenBuiltin", "open('/etc/passwd').read()", {"PermissionError"}},
        {"OpenForWriting", "open('/tmp/gilt_sandbox_escape', 'w').write('x')", {"PermissionError"}},
        {"OpenThroughBuiltinsModule", "__builtins__.open('/etc/passwd')", {"PermissionError"}},
        {"OpenThroughModuleBuiltins",
         "import json\njson.__builtins__['open']('/etc/passwd')",
         {"PermissionError"}},
        {"ImportOs", "import os", {"ModuleNotFoundError"}},
        {"ImportIo", "import io", {"ModuleNotFoundError"}},
        {"ImportSys", "import sys", {"ModuleNotFoundError"}},
        {"ImportPosix", "import posix", {"ModuleNotFoundError"}},
        {"ImportSocket", "import socket", {"ModuleNotFoundError"}},
        {"ImportNativeSocket", "import _socket", {"ModuleNotFoundError"}},
        {"ImportSubprocess", "import subprocess", {"ModuleNotFoundError"}},
        {"ImportMultiprocessing", "import multiprocessing", {"ModuleNotFoundError"}},
        {"ImportImportlib", "import importlib", {"ModuleNotFoundError"}},
        {"ImportCtypes", "import ctypes", {"ModuleNotFoundError"}},
        {"DunderImport", "__import__('os')", {"ModuleNotFoundError"}},
        {"DunderImportFromlist", "__import__('os', fromlist=['system'])", {"ModuleNotFoundError"}},
        {"BuiltinsDunderImport", "__builtins__.__import__('posix')", {"ModuleNotFoundError"}},
        {"ExecImport", "exec('import os')", {"ModuleNotFoundError"}},
        {"EvalImport", "eval(\"__import__('os')\")", {"ModuleNotFoundError"}},
        {"CompileForgedStdlibName",
         "exec(compile('import os', '<frozen json>', 'exec'))",
         {"ModuleNotFoundError"}},
        {"FunctionWithStdlibGlobals",
         "import json\n"
         "f = type(lambda: 0)\n"
         "f((lambda: __import__('os')).__code__, json.__dict__)()",
         {"ModuleNotFoundError", "TypeError"}},  // gilt's function type has no constructor yet
        {"RelativeImportFromStdlibPackage",
         "import json\n"
         "exec('from . import os', {'__name__': 'json.x', '__package__': 'json'})",
         {"ModuleNotFoundError", "ImportError"}},
        {"SubclassesWalkToOs", "reach('os').listdir('/')", {"LookupError", "PermissionError"}},
        {"SubclassesWalkToPosix", "reach('posix').fork()", {"LookupError", "PermissionError"}},
        {"SubclassesWalkToSys",
         "reach('sys').modules['posix'].fork()",
         {"LookupError", "PermissionError", "KeyError"}},
        {"SubclassesWalkToBuiltinsOpen",
         "reach('builtins').open('/etc/passwd')",
         {"LookupError", "PermissionError"}},
        {"FrameWalkGlobals",
         "import json\n"
         "try:\n"
         "    json.loads('{')\n"
         "except Exception as e:\n"
         "    tb = e.__traceback__\n"
         "    while tb.tb_next: tb = tb.tb_next\n"
         "    g = tb.tb_frame.f_globals\n"
         "    mods = [v for v in g.values() if type(v).__name__ == 'module']\n"
         "    for m in mods:\n"
         "        for attr in ('open', 'listdir', 'fork', 'system'):\n"
         "            if hasattr(m, attr): getattr(m, attr)('/')\n"
         "    raise LookupError('no capability in frame globals')",
         {"LookupError", "PermissionError", "AttributeError"}},  // frames may be gone
        {"LoaderAttribute",
         "import json\njson.__loader__.get_data('/etc/passwd')",
         {"AttributeError"}},
        {"SpecLoader",
         "import json\njson.__spec__.loader.get_data('/etc/passwd')",
         {"AttributeError"}},
        {"Input", "input()", {"PermissionError"}},
        {"SpinForever", "while True:\n    pass", {"TimeLimitExceeded"}},
        {"SpinAndSwallowLimit",
         "while True:\n"
         "    try:\n"
         "        while True: pass\n"
         "    except BaseException:\n"
         "        pass",
         {"TimeLimitExceeded"}},
        {"SleepForever", "import time\ntime.sleep(3600)", {"TimeLimitExceeded"}},
        {"RegexBacktracking", "import re\nre.match('(a*)*b', 'a' * 40)", {"TimeLimitExceeded"}},
        {"DeepRecursion", "def f(n):\n    return f(n + 1)\nf(0)", {"RecursionError"}},
        {"DeepRecursionThroughRepr",
         "class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())",
         {"RecursionError"}},
        {"ExhaustMemoryList", "x = []\nwhile True:\n    x.append('y' * 100000)", {"MemoryError"}},
        // Many small objects: the cap is reached inside a dict resize or a
        // list allocation, and even the traceback's formatting must cope.
        // (Under a sanitizer the time limit may come first.)
        {"ExhaustMemoryDict",
         "def hog():\n"
         "    d = {}\n"
         "    i = 0\n"
         "    while True:\n"
         "        d[i] = [i] * 50\n"
         "        i += 1\n"
         "hog()",
         {"MemoryError", "TimeLimitExceeded"}},
        {"HugeList", "[0] * (10 ** 9)", {"MemoryError"}},
        {"HugeString", "'x' * (2 ** 40)", {"MemoryError", "OverflowError"}},
        {"HugeBytearray", "bytearray(10 ** 9)", {"MemoryError"}},
        {"StringDoubling", "s = 'x'\nwhile True:\n    s += s", {"MemoryError"}},
        {"HugePower", "10 ** (10 ** 8)", {"MemoryError"}},
        {"HugeShift", "1 << (10 ** 9)", {"MemoryError"}},
        {"GrowingBigInts",
         "x = 7 ** 10 ** 6\nkeep = []\nwhile True:\n    keep.append(x * len(keep))",
         {"MemoryError"}},
        {"GrowingBytearray",
         "b = bytearray()\nwhile True:\n    b += bytes(65536)",
         {"MemoryError", "TimeLimitExceeded"}},
        {"GcModule", "import gc", {"ModuleNotFoundError"}},
        {"SignalModule", "import signal", {"ModuleNotFoundError"}},
        {"PickleImport", "import pickle", {"ModuleNotFoundError"}},
    };
    return kAttempts;
}

const std::vector<Attempt>& lenient_attempts() {
    static const std::vector<Attempt> kAttempts = {
        {"OsListdir", "import os\nos.listdir('/')", {"PermissionError"}},
        {"OsOpen", "import os\nos.open('/etc/passwd', os.O_RDONLY)", {"PermissionError"}},
        {"OsStat", "import os\nos.stat('/etc/passwd')", {"PermissionError"}},
        {"OsRemove", "import os\nos.remove('/tmp/gilt_sandbox_escape')", {"PermissionError"}},
        {"OsFork", "import os\nos.fork()", {"PermissionError"}},
        {"OsExecv", "import os\nos.execv('/bin/sh', ['sh'])", {"PermissionError"}},
        {"OsKill", "import os\nos.kill(os.getpid(), 9)", {"PermissionError"}},
        {"OsExit", "import os\nos._exit(3)", {"PermissionError"}},
        {"OsSystem", "import os\nos.system('id')", {"AttributeError", "PermissionError"}},
        {"OsPutenv", "import os\nos.putenv('X', '1')", {"PermissionError"}},
        {"OsChdir", "import os\nos.chdir('/')", {"PermissionError"}},
        {"OsEnvironIsEmpty", "import os\nos.environ['PATH']", {"KeyError"}},
        {"PosixDirect", "import posix\nposix.listdir('/')", {"PermissionError"}},
        {"IoOpen", "import io\nio.open('/etc/passwd')", {"PermissionError"}},
        {"IoFileIO", "import io\nio.FileIO('/etc/passwd')", {"PermissionError", "AttributeError"}},
        {"PathlibReadText",
         "import pathlib\npathlib.Path('/etc/passwd').read_text()",
         {"PermissionError"}},
        {"PathlibWriteText",
         "import pathlib\npathlib.Path('/tmp/gilt_sx').write_text('x')",
         {"PermissionError"}},
        {"ShutilCopy",
         "import shutil\nshutil.copy('/etc/passwd', '/tmp/gilt_sx')",
         {"PermissionError"}},
        {"TempfileMkstemp",
         "import tempfile\ntempfile.mkstemp()",
         {"PermissionError", "FileNotFoundError"}},  // no usable temp dir
        {"SysStdinRead", "import sys\nsys.stdin.read()", {"AttributeError"}},
        {"SysModulesPosix", "import os, sys\nsys.modules['posix'].fork()", {"PermissionError"}},
        {"SocketModule", "import socket", {"ModuleNotFoundError"}},
        {"SubprocessRun",
         "import subprocess\nsubprocess.run(['id'])",
         {"ModuleNotFoundError", "PermissionError"}},
        {"MultiprocessingProcess",
         "import multiprocessing\nmultiprocessing.Process(target=print).start()",
         {"ModuleNotFoundError", "PermissionError"}},
        {"ThreadStart",
         "import threading\nthreading.Thread(target=print).start()",
         {"PermissionError"}},
        {"NativeThreadStart",
         "import _thread\n_thread.start_new_thread(print, ())",
         {"PermissionError"}},
        {"SignalModule", "import signal", {"ModuleNotFoundError"}},
        {"MmapModule", "import mmap", {"ModuleNotFoundError"}},
        {"SqliteModule", "import sqlite3", {"ModuleNotFoundError"}},
        {"ResourceModule", "import resource", {"ModuleNotFoundError"}},
        {"SelectModule", "import select", {"ModuleNotFoundError"}},
        {"GcGetObjects", "import gc\ngc.get_objects()", {"PermissionError"}},
        {"GcGetReferrers",
         "import gc\ngc.get_referrers(object)",
         {"PermissionError", "AttributeError"}},
        {"ImportlibOs",
         "import importlib\nimportlib.import_module('os').fork()",
         {"PermissionError"}},
        // The frames count against the heap cap; the traceback is let go
        // once the host has dropped the ScriptError.
        {"DeepRecursionRaisedLimit",
         "import sys\nsys.setrecursionlimit(10 ** 6)\ndef f(n):\n    return f(n + 1)\nf(0)",
         {"MemoryError"}},
        // Copying tens of MiB may take longer than the time limit on a busy
        // machine; api_sandbox_test.cpp's SandboxGrowth checks the
        // MemoryError without one.
        {"GrowingBytesIO",
         "import io\ns = io.BytesIO()\nwhile True:\n    s.write(bytes(65536))",
         {"MemoryError", "TimeLimitExceeded"}},
        {"PickleFindClass",
         "import pickle\npickle.loads(b\"cposix\\nfork\\n(tR.\")",
         {"PermissionError"}},
    };
    return kAttempts;
}

Options sandbox_options(std::vector<std::string> allowed) {
    Options o = Options::sandboxed();
    o.sandbox.time_limit = 0.5;
    o.sandbox.memory_limit = std::size_t(64) << 20;
    o.sandbox.allowed_modules = std::move(allowed);
    o.stdout_sink = [](std::string_view) {};
    o.stderr_sink = [](std::string_view) {};
    return o;
}

const std::vector<std::string> kLenientModules = {
    "os",        "io",       "sys",     "gc",         "pathlib",
    "shutil",    "tempfile", "posix",   "threading",  "_thread",
    "importlib", "pickle",   "socket",  "subprocess", "multiprocessing",
    "signal",    "mmap",     "sqlite3", "resource",   "select",
    "json",
};

// Runs `a` in `host` and checks the exception, then that the host still
// works and that a second, plain Host in the process does too.
void check_attempt(Host& host, const Attempt& a) {
    std::string got = "no exception";
    std::string text;
    try {
        host.exec(std::string(kWalker) + a.source, "<attempt>");
    } catch (const ScriptError& e) {
        got = e.type_name();
        text = e.what();
    }
    bool expected = false;
    for (const std::string& t : a.expected) expected = expected || t == got;
    EXPECT_TRUE(expected) << a.name << " ended in " << got << "\n" << text;
    EXPECT_EQ(host.eval("sum(range(10))").as_int(), 45) << "the host is broken after " << a.name;
    Host other;
    EXPECT_EQ(other.eval("len('other host')").as_int(), 10);
}

class SandboxEscape : public ::testing::TestWithParam<Attempt> {};
class SandboxEscapeLenient : public ::testing::TestWithParam<Attempt> {};

TEST_P(SandboxEscape, EndsInAnException) {
    Host host(sandbox_options({}));
    check_attempt(host, GetParam());
}

TEST_P(SandboxEscapeLenient, EndsInAnException) {
    Host host(sandbox_options(kLenientModules));
    check_attempt(host, GetParam());
}

std::string attempt_name(const ::testing::TestParamInfo<Attempt>& info) {
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Default, SandboxEscape, ::testing::ValuesIn(default_attempts()),
                         attempt_name);
INSTANTIATE_TEST_SUITE_P(Lenient, SandboxEscapeLenient, ::testing::ValuesIn(lenient_attempts()),
                         attempt_name);

// The safe default modules all import in a sandbox (their own imports of
// posix, io, sys and the like pass the gate as stdlib code).
TEST(SandboxModules, DefaultSetImports) {
    // Importing some 40 modules is real work: under a sanitizer it takes
    // longer than the escape attempts' time limit.
    Options o = sandbox_options({});
    o.sandbox.time_limit = 30;
    Host host(o);
    host.exec(
        "import abc, base64, bisect, calendar, collections, contextlib, copy, dataclasses\n"
        "import datetime, decimal, difflib, enum, fractions, functools, gilt, hashlib, heapq\n"
        "import hmac, itertools, json, keyword, math, numbers, operator, pprint, random, re\n"
        "import statistics, string, struct, textwrap, time, types, typing, unicodedata\n"
        "import uuid, zlib\n"
        "r = json.dumps({'a': [1, 2.5, None]}) + str(random.Random(4).randint(1, 9))\n"
        "r += str(decimal.Decimal('1.1') + 1) + re.sub('b+', '-', 'abbc')\n");
    EXPECT_EQ(host.get_global("r").as_string(), "{\"a\": [1, 2.5, null]}42.1a-c");
    EXPECT_TRUE(host.eval("gilt.sandboxed()").as_bool());
}

TEST(SandboxModules, PlainHostIsNotSandboxed) {
    Host host;
    EXPECT_FALSE(host.sandboxed());
    EXPECT_FALSE(host.eval("__import__('gilt').sandboxed()").as_bool());
    EXPECT_EQ(host.eval("__import__('os').getcwd() != ''").as_bool(), true);
}

}  // namespace
}  // namespace gilt
