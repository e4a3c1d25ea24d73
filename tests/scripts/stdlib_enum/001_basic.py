# Enum basics: members, repr/str/format, lookups, iteration, aliases, errors.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1   # an alias of RED


print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.GREEN}", "%s" % Color.BLUE)
print(f"[{Color.RED:>12}]")
print(Color, repr(Color), type(Color).__name__)
print(Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print(Color(1), Color(3), Color["GREEN"], Color["CRIMSON"])
print(list(Color), len(Color), list(reversed(Color)))
print(list(Color.__members__), [m.name for m in Color.__members__.values()])
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED) is Color)
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, {Color.RED: "r"}[Color.CRIMSON])
print(hash(Color.RED) == hash("RED"), bool(Color), bool(Color.RED))
print(sorted(Color, key=lambda c: c.value))
print(Color.__name__, Color.__qualname__, Color.RED.__class__.__name__)

for code in ["Color.RED = 5", "del Color.RED", "Color(7)", "Color['PINK']",
             "Color.RED.name = 'x'", "Color.RED.value = 9", "Color.RED < Color.BLUE",
             "Color('1')"]:
    try:
        exec(code)
        print("ok:", code)
    except Exception as exc:
        print(code, "->", type(exc).__name__, exc)

Color.EXTRA = 10
print(Color.EXTRA, len(Color))

try:
    class More(Color):
        PINK = 4
except TypeError as exc:
    print("TypeError", exc)

try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as exc:
    print("TypeError", exc)

try:
    class Clash(Enum):
        A = 1

        def A(self):
            return 0
except TypeError as exc:
    print("TypeError", exc)

try:
    class Sunder(Enum):
        _bad_ = 1
except ValueError as exc:
    print("ValueError", exc)


class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3
    _ignore_ = "tmp"
    tmp = 99

    def describe(self):
        return "%s has value %d" % (self.name.lower(), self.value)

    @classmethod
    def default(cls):
        return cls.SQUARE

    @property
    def doubled(self):
        return self.value * 2


print(list(Shape), Shape.SQUARE.describe(), Shape.default(), Shape.CIRCLE.doubled)
print(hasattr(Shape, "tmp"))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 2))
print(Planet((3.303e+23, 2.4397e6)))


class Empty(Enum):
    pass


class Sub(Empty):
    X = 1


print(list(Empty), list(Sub), Sub.X, isinstance(Sub.X, Empty))


class Named(Enum):
    name = 1
    value = 2


print(Named.name, Named.value, Named.name.name, Named.value.value)
