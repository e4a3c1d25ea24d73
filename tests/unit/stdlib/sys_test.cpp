// Tests for the sys module (stdlib/sys.cpp). Rows: program, CPython 3.11's
// output (tests/unit/stdlib/check_tables.py re-checks them).
#include <gtest/gtest.h>

#include "stdlib/file.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kSysCases[] = {
    {R"~(import sys
def inner():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, "x" in f.f_locals, sys._getframe().f_back.f_code.co_name
def outer():
    x = 1
    return inner()
print(outer(), sys._getframe().f_globals["__name__"], sys._getframe().f_code.co_name)
sys._getframe(50)
)~",
     R"~(('outer', 7, True, 'outer') __main__ <module>
ValueError: call stack is not deep enough
)~"},
    {R"~(import sys
print("a")
print(sys.stdout.buffer.write(b"b\n"))
print("c", sys.stdout.buffer.mode)
)~",
     R"~(a
b
2
c wb
)~"},
    {R"~(import sys
print(sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info.major, sys.version.startswith("3.11."))
print(sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder, sys.platform, sys.argv[1:])
)~",
     R"~((3, 11) True 3 True
True 1114111 little linux ['arg1']
)~"},
    {R"~(import sys
print(type(sys.float_info).__name__, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[2])
print(sys.int_info.default_max_str_digits, sys.flags.optimize, sys.getdefaultencoding())
)~",
     R"~(float_info 1.7976931348623157e+308 2.220446049250313e-16 15 308
4300 0 utf-8
)~"},
    {R"~(import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(0)
)~",
     R"~(1000
500
ValueError: recursion limit must be greater or equal than 1
)~"},
    {R"~(import sys
sys.setrecursionlimit("a")
)~",
     R"~(TypeError: 'str' object cannot be interpreted as an integer
)~"},
    {R"~(import sys
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
sys.setswitchinterval(0)
)~",
     R"~(0.005
0.01
ValueError: switch interval must be strictly positive
)~"},
    {R"~(import sys
try:
    sys.exit(3)
except SystemExit as e:
    print(e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print(e.code, e.args)
try:
    sys.exit("msg")
except SystemExit as e:
    print(e.code)
)~",
     R"~(3 (3,)
None ()
msg
)~"},
    {R"~(import sys
print(sys.exc_info())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
)~",
     R"~((None, None, None)
ZeroDivisionError division by zero True True
)~"},
    {R"~(import sys
print(sys.intern("ab" + "c") is sys.intern("abc"))
sys.intern(1)
)~",
     R"~(True
TypeError: intern() argument must be str, not int
)~"},
    {R"~(import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5)
)~",
     R"~(4300
ValueError: maxdigits must be 0 or larger than 640
)~"},
    {R"~(import sys
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["sys"] is sys, isinstance(sys.path, list))
print(sys.stdout is sys.__stdout__, type(sys.stdin).__name__, sys.stderr.encoding)
)~",
     R"~(True True True True
True TextIOWrapper utf-8
)~"},
    {R"~(import sys
print(repr(sys.stdout)[:40], sys.stdout.mode, sys.stdin.readable(), sys.stdout.writable())
)~",
     R"~(<_io.TextIOWrapper name='<stdout>' mode= w True True
)~"},
    {R"~(import sys
print(sys.implementation.name != "", type(sys.implementation).__name__, sys.getsizeof(1) > 0)
)~",
     R"~(True SimpleNamespace True
)~"},
};

using SysTest = ScriptTest;

TEST_F(SysTest, Attributes) {
    check(kSysCases);
}

TEST_F(SysTest, ExcepthookPrintsToStderr) {
    run("import sys\ntry:\n    1/0\nexcept ZeroDivisionError as e:\n    sys.excepthook(type(e), e, "
        "e.__traceback__)\n");
    EXPECT_NE(err.find("ZeroDivisionError: division by zero"), std::string::npos) << err;
}

TEST_F(SysTest, SwitchIntervalIsPerInterpreter) {
    run("import sys\nsys.setswitchinterval(0.25)\n");
    EXPECT_DOUBLE_EQ(interp.gil.switch_interval(), 0.25);
    Interpreter other;
    EXPECT_DOUBLE_EQ(other.gil.switch_interval(), 0.005);
}

}  // namespace
}  // namespace gilt
