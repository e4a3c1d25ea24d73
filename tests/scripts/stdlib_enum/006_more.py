# More enum behaviour: _order_, Flag aliases of several bits, IntFlag arithmetic,
# StrEnum checks, user __str__/__format__/__repr__, docs, instance attributes.
from enum import Enum, IntEnum, Flag, IntFlag, auto, StrEnum
import enum
class Shape(Enum):
    _order_ = 'SQUARE CIRCLE'
    SQUARE = 1
    CIRCLE = 2
try:
    class Bad(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e: print("TypeError", e)
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(list(Color), repr(Color.WHITE), repr(~Color.RED), Color.WHITE.name, repr(Color(7)), repr(Color.RED | Color.GREEN))
print(len(Color.WHITE), list(Color.WHITE), Color.RED in Color.WHITE)
print(Color._member_map_.keys(), Color.WHITE.value)
class P(IntFlag):
    A = 1
    B = 2
print(P.A | 4, repr(P.A | 4), P.A + 10, repr(P(0)), repr(~P(0)), bool(P(0)), P.A == 1, -P.A)
print(hash(P.A) == hash(1), P.A < 2, int(P.B), P.B.bit_length(), format(P.A, '04b'))
class S(StrEnum):
    X = 'x'
print(S.X + 'y', S.X.upper(), 'x' in S.__members__, S('x'), f"{S.X!r}")
try: S(1)
except ValueError as e: print(e)
class Fancy(Enum):
    A = 1
    def __str__(self): return "fancy " + self.name
    def __format__(self, spec): return "fmt:" + spec
print(str(Fancy.A), format(Fancy.A, "x"), f"{Fancy.A:>5}")
class Num(IntEnum):
    ONE = 1
    def __repr__(self): return "NUM"
print(repr(Num.ONE), [Num.ONE])
print(enum.Enum.__doc__ is not None, Color.__doc__)
class WithDoc(Enum):
    """My doc."""
    A = 1
print(WithDoc.__doc__, WithDoc.A.__doc__)
print(Color.RED.__reduce_ex__(2))
print(type(Shape.SQUARE).__qualname__, Shape.SQUARE.__objclass__ if hasattr(Shape.SQUARE, '__objclass__') else None)
class Dyn(Enum):
    A = 1
    @property
    def label(self): return self.name.lower()
print(Dyn.A.label)
try:
    Shape.SQUARE.foo = 1; print(Shape.SQUARE.foo)
except AttributeError as e: print(e)
print(Shape['SQUARE'] is Shape.SQUARE, Shape.SQUARE == Shape.SQUARE, Shape.SQUARE is not Shape.CIRCLE)
class Mixed(int, Enum):
    A = 1
print(repr(Mixed.A), str(Mixed.A), format(Mixed.A), Mixed.A + 1)
