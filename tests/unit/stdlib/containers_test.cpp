// Tests for the container and functional modules: _collections (deque,
// defaultdict, _tuplegetter) with collections.py, itertools, _functools with
// functools.py, and _json with json.py. Rows: program, CPython 3.11's output
// (check_tables.py re-checks them).
#include <gtest/gtest.h>

#include "stdlib/file.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kDequeCases[] = {
    {R"~(from collections import deque
d = deque([1, 2, 3], maxlen=5)
d.appendleft(0)
d.extend([4, 5])
print(d, d.maxlen, len(d), d[0], d[-1])
d.rotate(2)
print(d, d.pop(), d.popleft(), list(reversed(d)))
d.insert(1, "x")
print(d, d.index("x"), d.count(2), 3 in d)
)~",
     R"~(deque([1, 2, 3, 4, 5], maxlen=5) 5 5 1 5
deque([5, 1, 2], maxlen=5) 3 4 [2, 1, 5]
deque([5, 'x', 1, 2], maxlen=5) 1 1 False
)~"},
    {R"~(from collections import deque
d = deque()
d.pop()
)~",
     R"~(IndexError: pop from an empty deque
)~"},
    {R"~(from collections import deque
d = deque([1, 2])
d.remove(5)
)~",
     R"~(ValueError: 5 is not in deque
)~"},
    {R"~(from collections import deque
d = deque([1])
d[3]
)~",
     R"~(IndexError: deque index out of range
)~"},
    {R"~(from collections import deque
deque([1], maxlen=1).insert(0, 2)
)~",
     R"~(IndexError: deque already at its maximum size
)~"},
    {R"~(from collections import deque
d = deque([1, 2, 3])
for x in d:
    d.append(x)
)~",
     R"~(RuntimeError: deque mutated during iteration
)~"},
    {R"~(from collections import deque
d = deque([1, [2]])
d.append(d)
print(d, deque() == deque([]), deque([1, 2]) < deque([1, 3]), d.copy()[0], deque("ab") + deque("c"), deque([1]) * 3)
class D(deque):
    pass
print(D([1]), deque(maxlen=-1))
)~",
     R"~(deque([1, [2], [...]]) True True 1 deque(['a', 'b', 'c']) deque([1, 1, 1])
ValueError: maxlen must be non-negative
)~"},
    {R"~(from collections import defaultdict
d = defaultdict(list, a=[1])
d["b"].append(2)
print(d, d.default_factory, d.copy(), defaultdict(None, {1: 2}))
defaultdict(int)["x"]
defaultdict(5)
)~",
     R"~(defaultdict(<class 'list'>, {'a': [1], 'b': [2]}) <class 'list'> defaultdict(<class 'list'>, {'a': [1], 'b': [2]}) defaultdict(None, {1: 2})
TypeError: first argument must be callable or None
)~"},
    {R"~(from collections import defaultdict
defaultdict()["k"]
)~",
     R"~(KeyError: 'k'
)~"},
    {R"~(from collections import namedtuple
P = namedtuple("P", "x y", defaults=[0])
p = P(1)
print(p, p.x, p.y, p._asdict(), p._replace(y=5), P._fields, P._make([3, 4]))
print(type(P.x).__name__, P(1, 2) == (1, 2))
p.x = 3
)~",
     R"~(P(x=1, y=0) 1 0 {'x': 1, 'y': 0} P(x=1, y=5) ('x', 'y') P(x=3, y=4)
_tuplegetter True
AttributeError: can't set attribute
)~"},
};

constexpr ScriptCase kItertoolsCases[] = {
    {R"~(import itertools as it
print(it.count(5), it.count(1.5, 0.5), it.repeat("a", 2), it.repeat(1), list(it.repeat(1, -1)))
print(list(it.islice(it.count(), 2, 12, 3)), list(it.islice("abc", None)), list(it.accumulate([1, 2, 3], initial=10)))
)~",
     R"~(count(5) count(1.5, 0.5) repeat('a', 2) repeat(1) []
[2, 5, 8, 11] ['a', 'b', 'c'] [10, 11, 13, 16]
)~"},
    {R"~(import itertools as it
print(list(it.product("ab", repeat=2)), list(it.product()), list(it.product([], [1])))
print(list(it.permutations("abc", 2)), list(it.permutations([], 0)), list(it.permutations([1], 2)))
print(list(it.combinations(range(4), 3)), list(it.combinations_with_replacement([1, 2], 3)))
)~",
     R"~([('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')] [()] []
[('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')] [()] []
[(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)] [(1, 1, 1), (1, 1, 2), (1, 2, 2), (2, 2, 2)]
)~"},
    {R"~(import itertools as it
groups = it.groupby("aabbbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [(k, list(g)) for k, g in groups])
)~",
     R"~(a [] b ['b', 'b', 'b'] [('c', ['c'])]
)~"},
    {R"~(import itertools as it
a, b, c = it.tee([1, 2, 3], 3)
print(next(a), list(b), list(a), list(c), list(it.zip_longest([1], [], [3, 4], fillvalue=0)))
)~",
     R"~(1 [1, 2, 3] [2, 3] [1, 2, 3] [(1, 0, 3), (0, 0, 4)]
)~"},
    {R"~(import itertools as it
it.islice([], -1)
)~",
     R"~(ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
)~"},
    {R"~(import itertools as it
it.combinations([1], -1)
)~",
     R"~(ValueError: r must be non-negative
)~"},
    {R"~(import itertools as it
it.product([1], repeat=-1)
)~",
     R"~(ValueError: repeat argument cannot be negative
)~"},
};

constexpr ScriptCase kFunctoolsCases[] = {
    {R"~(import functools
def f(a, b=1, *c, **d):
    return (a, b, c, d)
p = functools.partial(f, 1, x=2)
print(p(), p(3, 4, y=5), p(x=9), p.args, p.keywords, p.func is f)
q = functools.partial(p, 7)
print(q.args, q.keywords, q())
print(repr(functools.partial(len)).startswith("functools.partial(<built-in function len>"))
)~",
     R"~((1, 1, (), {'x': 2}) (1, 3, (4,), {'x': 2, 'y': 5}) (1, 1, (), {'x': 9}) (1,) {'x': 2} True
(1, 7) {'x': 2} (1, 7, (), {'x': 2})
True
)~"},
    {R"~(import functools
functools.partial()
)~",
     R"~(TypeError: type 'partial' takes at least one argument
)~"},
    {R"~(import functools
functools.partial(1)
)~",
     R"~(TypeError: the first argument must be callable
)~"},
    {R"~(import functools
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(max, [], 0))
functools.reduce(max, [])
)~",
     R"~(24 0
TypeError: reduce() of empty iterable with no initial value
)~"},
    {R"~(import functools
K = functools.cmp_to_key(lambda a, b: b - a)
print(sorted([3, 1, 2], key=K), K(1) < K(2), K(5).obj, type(K(1)).__name__)
hash(K(1))
)~",
     R"~([3, 2, 1] False 5 KeyWrapper
TypeError: unhashable type: 'functools.KeyWrapper'
)~"},
};

constexpr ScriptCase kJsonCases[] = {
    {R"~(import json
print(json.dumps({"a": [1, 2.5, None, True], "b": "x\u00e9\n"}), json.dumps("\U0001F600"), json.dumps("\u00e9", ensure_ascii=False))
print(json.dumps({"b": 1, "a": {"c": []}}, indent=2, sort_keys=True))
print(json.dumps([1, {}], separators=(",", ":")), json.dumps({1: 2, 2.5: 3, None: 4, False: 5}), json.dumps(float("inf")))
)~",
     R"~({"a": [1, 2.5, null, true], "b": "x\u00e9\n"} "\ud83d\ude00" "é"
{
  "a": {
    "c": []
  },
  "b": 1
}
[1,{}] {"1": 2, "2.5": 3, "null": 4, "false": 5} Infinity
)~"},
    {R"~(import json
json.dumps({(1,): 2})
)~",
     R"~(TypeError: keys must be str, int, float, bool or None, not tuple
)~"},
    {R"~(import json
json.dumps(float("nan"), allow_nan=False)
)~",
     R"~(ValueError: Out of range float values are not JSON compliant
)~"},
    {R"~(import json
l = []
l.append(l)
json.dumps(l)
)~",
     R"~(ValueError: Circular reference detected
)~"},
    {R"~(import json
json.dumps(object())
)~",
     R"~(TypeError: Object of type object is not JSON serializable
)~"},
    {R"~(import json
print(json.dumps({1, 2}, default=sorted), json.dumps({"k": 1, 0: 2}, skipkeys=True))
)~",
     R"~([1, 2] {"k": 1, "0": 2}
)~"},
    {R"~(import json
print(json.loads('{"a": [1, -2.5e3, "\\u00e9\\ud83d\\ude00", null, true, false], "b": {}}'), json.loads(" [] "), json.loads("1e2"))
print(json.loads('{"a": 1, "a": 2}'), json.loads("NaN"), json.loads('"\\t"'), json.loads("[1.5]", parse_float=str), json.loads('{"x": 1}', object_pairs_hook=list))
)~",
     R"~({'a': [1, -2500.0, 'é😀', None, True, False], 'b': {}} [] 100.0
{'a': 2} nan 	 ['1.5'] [('x', 1)]
)~"},
    {R"~(import json
for doc in ["", "[1,]", "{\"a\" 1}", "[1 2]", "\"abc", "\"\\x\"", "\"\\u12\"", "1 2", "{1: 2}", "[-]", "\"a\nb\"", "{\"a\":1,}"]:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(e.msg, e.pos, e.lineno, e.colno, "|", e)
)~",
     R"~(Expecting value 0 1 1 | Expecting value: line 1 column 1 (char 0)
Expecting value 3 1 4 | Expecting value: line 1 column 4 (char 3)
Expecting ':' delimiter 5 1 6 | Expecting ':' delimiter: line 1 column 6 (char 5)
Expecting ',' delimiter 3 1 4 | Expecting ',' delimiter: line 1 column 4 (char 3)
Unterminated string starting at 0 1 1 | Unterminated string starting at: line 1 column 1 (char 0)
Invalid \escape 1 1 2 | Invalid \escape: line 1 column 2 (char 1)
Invalid \uXXXX escape 2 1 3 | Invalid \uXXXX escape: line 1 column 3 (char 2)
Extra data 2 1 3 | Extra data: line 1 column 3 (char 2)
Expecting property name enclosed in double quotes 1 1 2 | Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
Expecting value 1 1 2 | Expecting value: line 1 column 2 (char 1)
Invalid control character at 2 1 3 | Invalid control character at: line 1 column 3 (char 2)
Expecting property name enclosed in double quotes 7 1 8 | Expecting property name enclosed in double quotes: line 1 column 8 (char 7)
)~"},
    {R"~(import json
print(json.JSONDecoder().raw_decode('{"a": 1} rest'), issubclass(json.JSONDecodeError, ValueError))
json.loads(5)
)~",
     R"~(({'a': 1}, 8) True
TypeError: the JSON object must be str, bytes or bytearray, not int
)~"},
};

using ContainersTest = ScriptTest;

TEST_F(ContainersTest, Collections) {
    check(kDequeCases);
}
TEST_F(ContainersTest, Itertools) {
    check(kItertoolsCases);
}
TEST_F(ContainersTest, Functools) {
    check(kFunctoolsCases);
}
TEST_F(ContainersTest, Json) {
    check(kJsonCases);
}

}  // namespace
}  // namespace gilt
