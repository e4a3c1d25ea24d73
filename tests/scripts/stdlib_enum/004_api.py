# auto, _generate_next_value_, _missing_, the functional API, unique, verify,
# member/nonmember, copying and pickling members.
import copy
import pickle
from enum import (Enum, IntEnum, Flag, auto, unique, verify, UNIQUE, CONTINUOUS,
                  NAMED_FLAGS, member, nonmember, EnumMeta, EnumType)


class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()


print([(m.name, m.value) for m in A], repr(auto()))


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return "%s-%d" % (name.lower(), count)

    NORTH = auto()
    SOUTH = auto()


print([m.value for m in Lower])


class Loose(Enum):
    ONE = 1
    TWO = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None


print(Loose("one"), Loose("TwO"))
for bad in (3, "three"):
    try:
        Loose(bad)
    except Exception as exc:
        print(type(exc).__name__, exc)


class Wrong(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 5


try:
    Wrong(2)
except TypeError as exc:
    print("TypeError", exc, "| context:", exc.__context__)

Animal = Enum("Animal", "ANT BEE, CAT")
print(list(Animal), Animal.BEE.value, Animal.__module__, Animal.__qualname__, repr(Animal))
Pairs = Enum("Pairs", [("a", 5), ("b", 7)])
print(list(Pairs))
FromDict = IntEnum("FromDict", {"low": 1, "high": 9})
print(list(FromDict), FromDict.high + 1)
Listed = Enum("Listed", ["x", "y"], start=10)
print(list(Listed))
Bits = Flag("Bits", "A B C")
print(list(Bits), repr(Bits.A | Bits.C))
Q = Enum("Q", "a b", qualname="Some.Q", module="mymod")
print(Q.__qualname__, Q.__module__)
try:
    Enum("Bad", "a a")
except TypeError as exc:
    print("TypeError", exc)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as exc:
    print("ValueError", exc)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(list(Fine))

try:
    @verify(CONTINUOUS)
    class Gap(Enum):
        A = 1
        B = 2
        C = 5
except ValueError as exc:
    print("ValueError", exc)

try:
    @verify(UNIQUE)
    class Dup2(Enum):
        A = 1
        B = 1
except ValueError as exc:
    print("ValueError", exc)


class WithMembers(Enum):
    A = 1
    helper = nonmember(42)

    @member
    def func(self):
        return "f"


print(list(WithMembers.__members__), WithMembers.helper, WithMembers.func.value(None))

print(copy.copy(A.X) is A.X, copy.deepcopy(A.Y) is A.Y, copy.deepcopy([A.X])[0] is A.X)
print(pickle.loads(pickle.dumps(A.Z)) is A.Z, pickle.loads(pickle.dumps(Loose.TWO)) is Loose.TWO)
print(EnumMeta is EnumType, isinstance(A, EnumType), type(A) is EnumType)
print(A.X.__reduce_ex__(4))


class Meta(EnumType):
    pass


class Custom(Enum, metaclass=Meta):
    ONLY = 1


print(type(Custom).__name__, list(Custom))
