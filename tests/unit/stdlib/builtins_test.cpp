// Tests for the builtins module (stdlib/builtins*.cpp): each row is a small
// program and the exact output CPython 3.11 gives for it (error messages
// included); tests/unit/stdlib/check_tables.py re-checks the rows against
// python3.
#include <gtest/gtest.h>

#include "stdlib/file.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kPrintCases[] = {
    {R"~(print("a", 1, None, sep="-", end="!\n")
print()
print(*[1, 2], sep="")
)~",
     R"~(a-1-None!

12
)~"},
    {R"~(import io
b = io.StringIO()
print("x", "y", file=b)
print(repr(b.getvalue()))
)~",
     R"~('x y\n'
)~"},
    {R"~(print("a", sep=3)
)~",
     R"~(TypeError: sep must be None or a string, not int
)~"},
    {R"~(print("a", end=3)
)~",
     R"~(TypeError: end must be None or a string, not int
)~"},
    {R"~(print("a", bad=1)
)~",
     R"~(TypeError: 'bad' is an invalid keyword argument for print()
)~"},
    {R"~(class S:
    def __str__(self):
        raise ValueError("no")
print("a", S())
)~",
     R"~(a ValueError: no
)~"},
    {R"~(import sys
sys.stdout.write("w\n")
print(sys.stdout.write("abc"))
)~",
     R"~(w
abc3
)~"},
};

constexpr ScriptCase kNumericCases[] = {
    {R"~(print(abs(-5), abs(-2.5), abs(-2**70), abs(True))
abs("a")
)~",
     R"~(5 2.5 1180591620717411303424 1
TypeError: bad operand type for abs(): 'str'
)~"},
    {R"~(print(divmod(7, -2), divmod(-7.5, 2), divmod(2**70, 3))
divmod("a", 1)
)~",
     R"~((-4, -1) (-4.0, 0.5) (393530540239137101141, 1)
TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'
)~"},
    {R"~(print(divmod(1.0, 0))
)~",
     R"~(ZeroDivisionError: float divmod()
)~"},
    {R"~(print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, -1, 7), pow(base=2, exp=3))
pow(2, 3, 1.0)
)~",
     R"~(1024 0.5 1 4 8
TypeError: pow() 3rd argument not allowed unless all arguments are integers
)~"},
    {R"~(print(round(2.5), round(3.5), round(2.675, 2), round(15, -1), round(-0.5))
round("x")
)~",
     R"~(2 4 2.67 20 0
TypeError: type str doesn't define __round__ method
)~"},
    {R"~(print(sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2.5, 3]), sum([[1], [2]], []), sum(range(10**6)))
print(sum([2**62, 2**62, 1]), sum([True, True]), sum([], 5), sum((1, 2), start=10))
)~",
     R"~(6 0.9999999999999999 6.5 [1, 2] 499999500000
9223372036854775809 2 5 13
)~"},
    {R"~(sum(["a"], "")
)~",
     R"~(TypeError: sum() can't sum strings [use ''.join(seq) instead]
)~"},
    {R"~(sum([b"a"], b"")
)~",
     R"~(TypeError: sum() can't sum bytes [use b''.join(seq) instead]
)~"},
    {R"~(print(min(3, 1, 2), max("abc"), min([], default=7), max([1, 3], key=lambda x: -x))
max([])
)~",
     R"~(1 c 7 1
ValueError: max() arg is an empty sequence
)~"},
    {R"~(min()
)~",
     R"~(TypeError: min expected at least 1 argument, got 0
)~"},
    {R"~(max(1, 2, default=0)
)~",
     R"~(TypeError: Cannot specify a default for max() with multiple positional arguments
)~"},
    {R"~(min(1, 2, foo=3)
)~",
     R"~(TypeError: 'foo' is an invalid keyword argument for min()
)~"},
    {R"~(print(max([1, 2, 1, 2], key=lambda x: x), max((1, "a"), (1, "b")))
max(1, "a")
)~",
     R"~(2 (1, 'b')
TypeError: '>' not supported between instances of 'str' and 'int'
)~"},
    {R"~(print(bin(5), bin(-5), oct(8), hex(255), hex(-2**70), bin(True))
hex(1.5)
)~",
     R"~(0b101 -0b101 0o10 0xff -0x400000000000000000 0b1
TypeError: 'float' object cannot be interpreted as an integer
)~"},
    {R"~(print(chr(65), chr(0x20ac), chr(0x1F600), ord("a"), ord("\u20ac"), ord(b"A"))
chr(0x110000)
)~",
     R"~(A € 😀 97 8364 65
ValueError: chr() arg not in range(0x110000)
)~"},
    {R"~(chr(2**70)
)~",
     R"~(OverflowError: Python int too large to convert to C int
)~"},
    {R"~(chr("a")
)~",
     R"~(TypeError: 'str' object cannot be interpreted as an integer
)~"},
    {R"~(ord("ab")
)~",
     R"~(TypeError: ord() expected a character, but string of length 2 found
)~"},
    {R"~(ord(5)
)~",
     R"~(TypeError: ord() expected string of length 1, but int found
)~"},
    {R"~(ord("")
)~",
     R"~(TypeError: ord() expected a character, but string of length 0 found
)~"},
};

constexpr ScriptCase kObjectCases[] = {
    {R"~(print(len([1, 2]), len("abc"), len({}))
len(5)
)~",
     R"~(2 3 0
TypeError: object of type 'int' has no len()
)~"},
    {R"~(len()
)~",
     R"~(TypeError: len() takes exactly one argument (0 given)
)~"},
    {R"~(print(repr("a"), ascii("é€"), format(3.14159, ".2f"), format(42), format("x", ">3"))
format(1, 2)
)~",
     R"~('a' '\xe9\u20ac' 3.14 42   x
TypeError: format() argument 2 must be str, not int
)~"},
    {R"~(print(hash(1) == hash(1.0), hash("a") == hash("a"), id(None) == id(None), id(1) == id(1))
hash([])
)~",
     R"~(True True True True
TypeError: unhashable type: 'list'
)~"},
    {R"~(print(callable(len), callable(1), callable(int), callable(lambda: 0))
)~",
     R"~(True False True True
)~"},
    {R"~(class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(1, (str, int)), issubclass(B, A), issubclass(bool, (str, int)))
isinstance(1, 2)
)~",
     R"~(True True True True
TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union
)~"},
    {R"~(class P:
    x = 1
p = P()
setattr(p, "y", 2)
print(getattr(p, "x"), getattr(p, "z", 9), hasattr(p, "y"), hasattr(p, "z"))
delattr(p, "y")
print(hasattr(p, "y"))
getattr(p, 5)
)~",
     R"~(1 9 True False
False
TypeError: attribute name must be string, not 'int'
)~"},
    {R"~(class P: pass
getattr(P(), "nope")
)~",
     R"~(AttributeError: 'P' object has no attribute 'nope'
)~"},
    {R"~(it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
next(it)
)~",
     R"~(1 2 end
StopIteration
)~"},
    {R"~(next([1])
)~",
     R"~(TypeError: 'list' object is not an iterator
)~"},
    {R"~(calls = iter([1, 2, 3, 4]).__next__
print(list(iter(calls, 3)))
iter(1, 2)
)~",
     R"~([1, 2]
TypeError: iter(v, w): v must be callable
)~"},
    {R"~(print(all([1, 1]), all([]), any([0, 1]), any([]), all(x > 0 for x in [1, -1]))
all(5)
)~",
     R"~(True True True False False
TypeError: 'int' object is not iterable
)~"},
    {R"~(print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([-2, 1], key=abs))
sorted([1], 2)
)~",
     R"~([1, 2, 3] ['c', 'b', 'a'] [1, -2]
TypeError: sorted expected 1 argument, got 2
)~"},
    {R"~(print(sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0]))
sorted([1, "a"])
)~",
     R"~([(0, 'z'), (1, 'b'), (1, 'a')]
TypeError: '<' not supported between instances of 'str' and 'int'
)~"},
    {R"~(class P:
    def __init__(self):
        self.a = 1
print(vars(P()))
vars(1)
)~",
     R"~({'a': 1}
TypeError: vars() argument must have __dict__ attribute
)~"},
    {R"~(class P:
    c = 1
    def m(self):
        pass
p = P()
p.a = 2
print([n for n in dir(p) if not n.startswith("__")], [n for n in dir(P) if not n.startswith("_")])
)~",
     R"~(['a', 'c', 'm'] ['c', 'm']
)~"},
};

constexpr ScriptCase kExecCases[] = {
    {R"~(print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("  y", {}, {"y": 5}))
ns = {}
exec("a = 5\ndef f(b):\n    return a + b\n", ns)
print(ns["a"], ns["f"](1), "__builtins__" in ns)
)~",
     R"~(7 42 5
5 6 True
)~"},
    {R"~(code = compile("1 + 1", "<s>", "eval")
print(eval(code), type(code).__name__)
c2 = compile("z = 3", "f.py", "exec")
d = {}
print(exec(c2, d), d["z"])
)~",
     R"~(2 code
None 3
)~"},
    {R"~(compile("1", "f", "bad")
)~",
     R"~(ValueError: compile() mode must be 'exec', 'eval' or 'single'
)~"},
    {R"~(exec(5)
)~",
     R"~(TypeError: exec() arg 1 must be a string, bytes or code object
)~"},
    {R"~(eval("1", 5)
)~",
     R"~(TypeError: globals must be a dict
)~"},
    {R"~(try:
    exec("x = (", {})
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename)
)~",
     R"~(SyntaxError '(' was never closed 1 <string>
)~"},
    {R"~(def f():
    v = 1
    return sorted(locals())
print(f(), "f" in globals(), isinstance(globals(), dict))
)~",
     R"~(['v'] True True
)~"},
    {R"~(m = __import__("math")
print(m.__name__, __import__("os.path").__name__)
__import__("no_such_module_x")
)~",
     R"~(math os
ModuleNotFoundError: No module named 'no_such_module_x'
)~"},
    {R"~(exit(3)
)~",
     R"~(SystemExit: 3
)~"},
};

using BuiltinsTest = ScriptTest;

TEST_F(BuiltinsTest, Print) {
    check(kPrintCases);
}
TEST_F(BuiltinsTest, Numeric) {
    check(kNumericCases);
}
TEST_F(BuiltinsTest, Objects) {
    check(kObjectCases);
}
TEST_F(BuiltinsTest, ExecEvalCompile) {
    check(kExecCases);
}

TEST_F(BuiltinsTest, ModuleContents) {
    for (const char* name :
         {"print", "len", "open", "object", "int", "ValueError", "EnvironmentError", "IOError",
          "None", "Ellipsis", "NotImplemented", "__import__", "exit"}) {
        EXPECT_FALSE(dict_get_cstr(ts, interp.builtins, name).is_null()) << name;
    }
    EXPECT_EQ(dict_get_cstr(ts, interp.builtins, "IOError"), val(interp.exc_types.OSError));
}

TEST_F(BuiltinsTest, PrintGoesThroughTheStdoutSink) {
    EXPECT_EQ(run("print('captured')\n"), "captured\n");
    EXPECT_EQ(err, "");
    run("import sys\nprint('to err', file=sys.stderr)\n");
    EXPECT_EQ(err, "to err\n");
}

}  // namespace
}  // namespace gilt
