# Python-written stdlib modules run as they should: their functions,
# classes, defaults, docstring-carrying code, generators, closures and
# constants of every kind (gilt runs the code compiled at build time).
import bisect
import collections
import dataclasses
import enum
import fractions
import functools
import heapq
import shlex
import statistics
import string
import textwrap

print(fractions.Fraction(3, 4) + fractions.Fraction(1, 4), fractions.Fraction("1.25"))
print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]))
print(repr(textwrap.dedent("    a\n      b\n")), textwrap.wrap("one two three four", 9))
print(shlex.split("a 'b c' \"d e\""), shlex.quote("it's"))
print(string.capwords("hello big world"), string.Template("$x-$y").substitute(x=1, y=2))
print(list(heapq.merge([1, 4, 7], [2, 5, 8])), heapq.nsmallest(2, [5, 3, 9, 1]))
print(bisect.bisect_left([1, 2, 4, 8], 4), collections.Counter("abracadabra").most_common(2))
Point = collections.namedtuple("Point", "x y", defaults=[0])
print(Point(1), Point._fields, Point._field_defaults)


@dataclasses.dataclass(order=True)
class Item:
    name: str
    qty: int = 1


print(Item("a") < Item("b"), Item("x", 3), dataclasses.asdict(Item("y")))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


print(Color.RED, Color(2), list(Color), Color.RED.name)


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info().hits > 0)
print(functools.partial(int, base=2)("1011"), functools.reduce(lambda a, b: a * b, range(1, 21)))
print(fractions.Fraction.__qualname__, statistics.mean.__name__, textwrap.TextWrapper.wrap.__qualname__)
