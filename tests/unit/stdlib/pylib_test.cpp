// Tests for the modules written in Python under stdlib/lib/ that have no
// native half (operator, string, copy, heapq, bisect, abc, collections.abc,
// types, keyword, importlib, contextlib, dataclasses, typing, warnings,
// textwrap). Rows: program, CPython 3.11's output (check_tables.py
// re-checks them).
#include <gtest/gtest.h>

#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kSmallModuleCases[] = {
    {R"~(import operator as op
print(op.add(1, 2), op.itemgetter(1)("ab"), op.itemgetter(0, 2)("abc"), op.attrgetter("real", "imag")(3), op.methodcaller("upper")("a"))
print(op.itemgetter(1), op.index(5), op.neg(3), op.contains([1], 1), op.countOf([1, 1, 2], 1), op.indexOf("ab", "b"))
op.index(1.5)
)~",
     R"~(3 b ('a', 'c') (3, 0) A
operator.itemgetter(1) 5 -3 True 2 1
TypeError: 'float' object cannot be interpreted as an integer
)~"},
    {R"~(import string
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("a  b c"))
t = string.Template("$a and ${b}x $$")
print(t.substitute(a=1, b=2), t.safe_substitute(a=1), t.get_identifiers())
t.substitute(a=1)
)~",
     R"~(abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ A B C
1 and 2x $ 1 and ${b}x $ ['a', 'b']
KeyError: 'b'
)~"},
    {R"~(import string
string.Template("bad $").substitute()
)~",
     R"~(ValueError: Invalid placeholder in string: line 1, col 5
)~"},
    {R"~(import copy
a = [1, [2, 3], {"k": (4, [5])}]
b = copy.deepcopy(a)
b[1].append(9)
b[2]["k"][1].append(6)
c = copy.copy(a)
print(a, b, c[1] is a[1])
class P:
    def __init__(self):
        self.v = [1]
p = P()
q = copy.deepcopy(p)
print(q.v, q.v is p.v, copy.copy(p).v is p.v)
l = []
l.append(l)
m = copy.deepcopy(l)
print(m[0] is m)
)~",
     R"~([1, [2, 3], {'k': (4, [5])}] [1, [2, 3, 9], {'k': (4, [5, 6])}] True
[1] False True
True
)~"},
    {R"~(import heapq, bisect
h = []
for x in [5, 1, 8, 3, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.nsmallest(2, [4, 1, 3]), heapq.nlargest(2, [4, 1, 3], key=lambda v: -v))
print(list(heapq.merge([1, 4], [2, 3])), heapq.heappushpop([1, 2], 0), heapq.heapreplace([1, 2], 3))
a = [1, 2, 2, 4]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 3, key=None))
bisect.insort(a, 3)
print(a)
)~",
     R"~([2, 3, 8, 5] 1 [1, 3] [1, 3]
[1, 2, 3, 4] 0 1
1 3 3
[1, 2, 2, 3, 4]
)~"},
    {R"~(import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def area(self):
        pass
    @abc.abstractmethod
    def name(self):
        pass
class Sq(Base):
    def area(self):
        return 4
    def name(self):
        return "sq"
print(Sq().area(), isinstance(Sq(), Base), Base.__abstractmethods__ == frozenset({"area", "name"}))
class Virt:
    pass
Base.register(Virt)
print(isinstance(Virt(), Base))
Base()
)~",
     R"~(4 True True
True
TypeError: Can't instantiate abstract class Base with abstract methods area, name
)~"},
    {R"~(import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator), isinstance(1, cabc.Iterable))
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print(isinstance(It(), cabc.Iterable), isinstance(It(), cabc.Iterator), isinstance(len, cabc.Callable), isinstance(1, cabc.Hashable))
)~",
     R"~(True True True False
True True True True
)~"},
    {R"~(import types, keyword
print(types.SimpleNamespace(a=1, b="x"), types.SimpleNamespace() == types.SimpleNamespace(), keyword.iskeyword("class"), keyword.iskeyword("foo"))
ns = types.SimpleNamespace(x=1)
ns.y = 2
print(ns, vars(ns), isinstance(len, types.BuiltinFunctionType), type(lambda: 0) is types.FunctionType)
)~",
     R"~(namespace(a=1, b='x') True True False
namespace(x=1, y=2) {'x': 1, 'y': 2} True True
)~"},
    {R"~(import importlib
m = importlib.import_module("json")
print(m.__name__, importlib.import_module("os.path").__name__)
importlib.import_module(".x")
)~",
     R"~(json posixpath
TypeError: the 'package' argument is required to perform a relative import for '.x'
)~"},
};

constexpr ScriptCase kHelperModuleCases[] = {
    {R"~(import contextlib, io
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("b") as t:
    print(t)
with contextlib.suppress(KeyError):
    {}["x"]
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    stack.callback(print, "cleanup 1")
    stack.enter_context(tag("i"))
    stack.callback(print, "cleanup 2")
with contextlib.nullcontext(5) as v:
    print(v)
try:
    with tag("e"):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
)~",
     R"~(<b>
B
</b>
'hidden\n'
<i>
cleanup 2
</i>
cleanup 1
5
<e>
</e>
caught inside
)~"},
    {R"~(import dataclasses
from dataclasses import dataclass, field
@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)
p = P(1)
print(p, p == P(1), P(1, 2) < P(2), dataclasses.asdict(p), dataclasses.astuple(P(3, 4)), dataclasses.replace(p, y=9))
print([f.name for f in dataclasses.fields(P)], dataclasses.is_dataclass(p), P.__hash__)
@dataclass(frozen=True)
class F:
    a: int
print(F(1), hash(F(1)) == hash(F(1)))
F(1).a = 2
)~",
     R"~(P(x=1, y=0, tags=[]) True True {'x': 1, 'y': 0, 'tags': []} (3, 4, []) P(x=1, y=9, tags=[])
['x', 'y', 'tags'] True None
F(a=1) True
dataclasses.FrozenInstanceError: cannot assign to field 'a'
)~"},
    {R"~(from dataclasses import dataclass
@dataclass
class B:
    l: list = []
)~",
     R"~(ValueError: mutable default <class 'list'> for field l is not allowed: use default_factory
)~"},
    {R"~(from dataclasses import dataclass
@dataclass
class B:
    a: int = 1
    b: int
)~",
     R"~(TypeError: non-default argument 'b' follows default argument
)~"},
    {R"~(import typing
from typing import List, Dict, Optional, Union, Callable, Any, TypeVar, Generic, NamedTuple
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Callable[[int], str], Any)
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v):
        self.v = v
print(Box(3).v, T, typing.get_args(Dict[str, int]), typing.cast(int, "x"))
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt(1, 2).y, Pt._fields)
def f(a: int, b: str = "") -> List[int]:
    return [a]
print(typing.get_type_hints(f), f(1))
)~",
     R"~(typing.List[int] typing.Dict[str, typing.List[int]] typing.Optional[int] typing.Union[int, str] typing.Callable[[int], str] typing.Any
3 ~T (<class 'str'>, <class 'int'>) x
Pt(x=1, y=0) 2 ('x', 'y')
{'a': <class 'int'>, 'b': <class 'str'>, 'return': typing.List[int]} [1]
)~"},
    {R"~(import warnings
def old():
    warnings.warn("old is deprecated", DeprecationWarning, stacklevel=2)
    return 1
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    old()
    warnings.warn("plain")
print([(str(x.message), x.category.__name__) for x in w])
warnings.simplefilter("error")
warnings.warn("now an error", RuntimeWarning)
)~",
     R"~([('old is deprecated', 'DeprecationWarning'), ('plain', 'UserWarning')]
RuntimeWarning: now an error
)~"},
    {R"~(import textwrap
s = "The quick brown fox jumps over the lazy dog " * 3
print(textwrap.wrap(s, 20))
print(textwrap.fill(s, 30, initial_indent="- ", subsequent_indent="  "))
print(textwrap.shorten("Hello world, how are you today", 18), repr(textwrap.dedent("    a\n      b\n    c")), repr(textwrap.indent("x\ny", "> ")))
)~",
     R"~(['The quick brown fox', 'jumps over the lazy', 'dog The quick brown', 'fox jumps over the', 'lazy dog The quick', 'brown fox jumps over', 'the lazy dog']
- The quick brown fox jumps
  over the lazy dog The quick
  brown fox jumps over the
  lazy dog The quick brown fox
  jumps over the lazy dog
Hello world, [...] 'a\n  b\nc' '> x\n> y'
)~"},
};

using PyLibTest = ScriptTest;

TEST_F(PyLibTest, SmallModules) {
    check(kSmallModuleCases);
}
TEST_F(PyLibTest, HelperModules) {
    check(kHelperModuleCases);
}

}  // namespace
}  // namespace gilt
