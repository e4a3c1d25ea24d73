# Flag and IntFlag: combination, iteration, membership, inversion, boundaries.
from enum import Flag, IntFlag, auto, STRICT, CONFORM, EJECT, KEEP


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.name, rw.value, format(rw))
print(repr(Perm(0)), str(Perm(0)), Perm(0).name, bool(Perm(0)), bool(Perm.R))
print(repr(~Perm.R), repr(~rw), repr(~Perm(7)), repr(Perm(7)))
print(list(rw), list(Perm.R | Perm.X), list(Perm), len(Perm), len(rw))
print(Perm.R in rw, Perm.X in rw, Perm(0) in rw, rw & Perm.R, repr(rw ^ Perm.R))
print(Perm(6) is rw, Perm(6) is (Perm.W | Perm.R))
try:
    Perm(8)
except ValueError as exc:
    print("ValueError", exc)
try:
    1 in rw
except TypeError as exc:
    print("TypeError", exc)
try:
    Perm.R | 1
except TypeError as exc:
    print("TypeError", exc)


class Named(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
    NONE = 0


print(list(Named), list(Named.__members__), repr(Named.R | Named.W), repr(Named(0)), repr(~Named.RW))
print(repr(Named.R | Named.X), Named.RW.name)


class Auto(Flag):
    A = auto()
    B = auto()
    C = auto()
    D = auto()


print([m.value for m in Auto], repr(Auto.A | Auto.D), repr(~(Auto.A | Auto.D)))


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


print(repr(Mode.R | Mode.W), str(Mode.R | Mode.W), format(Mode.R), Mode.R + 1, Mode.R | 8)
print(repr(Mode(0)), repr(~Mode.R), repr(Mode(8)), repr(Mode(15)), repr(Mode.R | 8))
print(repr(Mode.R & 5), repr(5 & Mode.R), isinstance(Mode.R | Mode.W, Mode), Mode.R == 4)
print(list(Mode(7)), Mode.W in Mode(7))


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


print(repr(Conform(7)), Eject(7), type(Eject(7)).__name__, repr(Eject(3)), repr(Keep(7)))
print(STRICT, repr(KEEP), Perm._boundary_ is STRICT, Mode._boundary_ is KEEP)
