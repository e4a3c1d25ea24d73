# TypeVar, ParamSpec, Generic, Protocol, NamedTuple, TypedDict and the
# helper functions.
import sys
from typing import (TypeVar, ParamSpec, Generic, Protocol, NamedTuple, TypedDict, AnyStr, Text,
                    cast, overload, final, no_type_check, runtime_checkable, get_type_hints,
                    assert_never, reveal_type, TYPE_CHECKING, List, Optional, get_origin,
                    SupportsInt, IO, TextIO)

T = TypeVar('T')
K = TypeVar('K', int, str)
B = TypeVar('B', bound=int, covariant=True)
C = TypeVar('C', contravariant=True)
P = ParamSpec('P')
print(T, K, B, C, P, AnyStr, T.__name__, K.__constraints__, B.__bound__, Text is str)
print(T | None, List[T], TYPE_CHECKING)


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item


print(Box(3).item, Box[int](4).item, get_origin(Box[int]) is Box, Box[int].__args__)


class Closable(Protocol):
    def close(self): ...


@runtime_checkable
class Sized2(Protocol[T]):
    pass


print(Closable.__name__, issubclass(Closable, Protocol), Sized2.__name__, get_origin(Generic))
print(issubclass(TextIO, IO), SupportsInt.__name__)


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p, p.norm(), Point(1), p._fields, Point.__annotations__, isinstance(p, tuple), p._asdict())
Pair = NamedTuple('Pair', [('a', int), ('b', str)])
print(Pair(1, 'x'), Pair._fields)


class Movie(TypedDict):
    title: str
    year: int


class Rated(Movie, total=False):
    stars: float


m = Movie(title='x', year=1)
print(m, type(m) is dict, Movie.__annotations__, Rated.__annotations__, Rated.__total__, Movie.__total__)
Alt = TypedDict('Alt', {'a': int})
print(Alt.__annotations__, Alt(a=1))

print(cast(int, 'not an int'), cast(List[int], None))


@overload
def f(x: int) -> int: ...


def f(x):
    return x * 2


@final
class Leaf:
    pass


@no_type_check
def g(a: 'nonsense') -> 'x':
    return a


print(f(2), Leaf.__name__, g(1), get_type_hints(g))


class Base:
    a: int
    b: str = 'x'


class Derived(Base):
    b: bytes
    c: Optional[int] = None


print(get_type_hints(Derived), get_type_hints(len), get_type_hints(Point.norm))
try:
    assert_never(42)
except AssertionError as e:
    print('AssertionError', e)
try:
    assert_never('x' * 200)
except AssertionError as e:
    print('AssertionError', len(str(e)), str(e)[-10:])
sys.stderr = sys.stdout
print(reveal_type([1]))
