# Decorator options: frozen, order, unsafe_hash, eq=False, init/repr off,
# kw_only and KW_ONLY, InitVar with __post_init__, ClassVar, inheritance.
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY, FrozenInstanceError
import typing
from typing import ClassVar


@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = 'x'


f = Frozen(1)
print(f, hash(f) == hash((1, 'x')), {f: 1}[Frozen(1, 'x')])
for action in (lambda: setattr(f, 'a', 2), lambda: delattr(f, 'b'), lambda: setattr(f, 'new', 1)):
    try:
        action()
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    note: str = field(default='', compare=False)


vs = [Version(1, 2, 'b'), Version(0, 9), Version(1, 0, 'a'), Version(1, 2, 'a')]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), Version(1) <= Version(1, 0, 'z'))
try:
    Version(1) < 3
except TypeError as e:
    print('TypeError', e)


@dataclass(unsafe_hash=True)
class Hashed:
    a: int
    b: list = field(default_factory=list, hash=False)


print(hash(Hashed(3)) == hash((3,)), Hashed.__hash__ is not None)


@dataclass(eq=False)
class Identity:
    a: int


i = Identity(1)
print(i == Identity(1), i == i, Identity.__hash__ is object.__hash__)


@dataclass
class KeepsHash:
    a: int

    def __hash__(self):
        return 42


print(hash(KeepsHash(1)))


@dataclass(init=False, repr=False)
class Bare:
    a: int = 3


print(Bare().a, repr(Bare()).startswith('<'), Bare.__doc__)


@dataclass
class Options:
    name: str
    _: KW_ONLY
    verbose: bool = False
    level: int


o = Options('n', level=2)
print(o, Options.__match_args__, Options.__doc__)
try:
    Options('n', True, 2)
except TypeError as e:
    print('TypeError', e)


@dataclass(kw_only=True)
class AllKw:
    a: int = 1
    b: int
    c: int = field(default=3, kw_only=False)


print(AllKw(9, b=2), AllKw.__match_args__)


@dataclass
class WithInitVar:
    a: int
    scale: InitVar[int] = 10
    total: int = field(init=False)
    kind: ClassVar[str] = 'wiv'
    other: 'ClassVar[int]' = 5
    more: typing.ClassVar[int] = 6

    def __post_init__(self, scale):
        self.total = self.a * scale


w = WithInitVar(2)
print(w, WithInitVar(2, 3).total, [f.name for f in fields(w)])
print(sorted(WithInitVar.__dataclass_fields__), WithInitVar.kind, WithInitVar.other)
print(WithInitVar.__match_args__, WithInitVar.__doc__)


@dataclass
class Base:
    x: int = 0
    y: int = 1


@dataclass
class Child(Base):
    z: int = 2
    x: int = 10


print(Child(), Child(1, 2, 3), [f.name for f in fields(Child)], Child.__doc__)


@dataclass(frozen=True)
class FrozenBase:
    x: int


for make in (lambda: dataclass(type('Thawed', (FrozenBase,), {'__annotations__': {}})),
             lambda: dataclass(frozen=True)(type('Cold', (Base,), {'__annotations__': {}}))):
    try:
        make()
    except TypeError as e:
        print('TypeError', e)


@dataclass
class self_field:
    self: int


print(self_field(4))


@dataclass
class Recursive:
    items: list = field(default_factory=list)


r = Recursive()
r.items.append(r)
print(r)
