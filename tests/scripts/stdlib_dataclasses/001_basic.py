# The generated __init__, __repr__, __eq__ and the class attributes
# a plain @dataclass gets.
from dataclasses import dataclass, field, fields, is_dataclass


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__match_args__, Point.__doc__)
print(Point.__hash__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
print([f.name for f in fields(Point)], [f.name for f in fields(p)])
print(is_dataclass(Point), is_dataclass(p), is_dataclass(int), is_dataclass(3))
print(Point.y, 'x' in Point.__dict__)
try:
    Point()
except TypeError as e:
    print('TypeError', e)


@dataclass
class Bag:
    items: list = field(default_factory=list)
    tag: str = field(default='t', repr=False)
    count: int = field(default=0, compare=False)


a, b = Bag(), Bag()
a.items.append(1)
print(a, b, a.items is b.items)
print(Bag([1], 'u', 5) == Bag([1], 'v', 6), Bag([1], 'u', 5) == Bag([2]))
print(Bag.__doc__)


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), Empty.__doc__, Empty.__match_args__)


@dataclass
class Documented:
    """Own doc."""
    v: float = 1.5


print(Documented.__doc__, Documented())
nan = float('nan')
print(Documented(nan) == Documented(nan))


@dataclass
class Nested:
    inner: Point
    name: str = 'n'


print(Nested(Point(1)), repr(Nested(Point(1), 'q')))


class Local:
    @dataclass
    class Inner:
        z: int = 1


print(Local.Inner(), Local.Inner.__init__.__qualname__)
