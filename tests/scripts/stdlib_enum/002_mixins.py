# IntEnum, StrEnum and enums mixed with a data type; attributes on
# instances of int, str, bytes and tuple subclasses, which they rely on.
from enum import Enum, IntEnum, StrEnum, auto


class I(int):
    pass


class S(str):
    pass


class B(bytes):
    pass


class T(tuple):
    pass


for obj in (I(5), S("text"), B(b"xy"), T((1, 2))):
    obj.tag = type(obj).__name__
    obj.more = [1]
    print(obj, obj.tag, obj.more, sorted(vars(obj)))


class Slotted(tuple):
    __slots__ = ()


try:
    Slotted((1,)).tag = 1
except AttributeError as exc:
    print("AttributeError", exc)


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(repr(Number.ONE), str(Number.ONE), format(Number.ONE), f"{Number.TWO:>4}|{Number.TWO:03d}")
print(Number.ONE + 1, Number.TWO * 3, Number.THREE == 3, Number(2), Number.ONE < Number.THREE)
print(sorted([Number.THREE, Number.ONE]), isinstance(Number.ONE, int), int(Number.TWO))
print(hash(Number.ONE) == hash(1), {1: "one"}[Number.ONE], [10, 20, 30][Number.ONE])
print(Number.__mro__)
try:
    Number(5)
except ValueError as exc:
    print("ValueError", exc)


class Fruit(StrEnum):
    APPLE = auto()
    BANANA = "yellow banana"


print(repr(Fruit.APPLE), str(Fruit.APPLE), format(Fruit.BANANA), Fruit.APPLE == "apple")
print(Fruit.BANANA.upper(), Fruit.APPLE + "!", Fruit("apple"), len(Fruit.BANANA))
try:
    class Bad(StrEnum):
        X = 1
except TypeError as exc:
    print("TypeError", exc)


class Mixed(str, Enum):
    A = "a"
    B = "b"


print(repr(Mixed.A), str(Mixed.A), format(Mixed.A), Mixed.A == "a", Mixed("b"))


class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj

    PX = (0, "P.X")
    PY = (1, "P.Y")


print(Coord.PY.name, Coord.PY.value, Coord(1).label, Coord.PX == b"\x00")


class Ordered(Enum):
    def __new__(cls, *args):
        obj = object.__new__(cls)
        obj._value_ = len(cls.__members__) + 1
        return obj

    FIRST = "x"
    SECOND = "y"


print(list(Ordered), Ordered(2))


class Point(tuple, Enum):
    ORIGIN = (0, 0)
    UNIT = (1, 1)


print(repr(Point.UNIT), Point.UNIT[0], Point((0, 0)))


class FloatEnum(float, Enum):
    HALF = 0.5


print(repr(FloatEnum.HALF), FloatEnum.HALF * 2, str(FloatEnum.HALF))
