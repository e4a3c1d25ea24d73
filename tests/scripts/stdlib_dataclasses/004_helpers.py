# asdict, astuple, replace, make_dataclass, Field objects and slots=True.
from collections import namedtuple, OrderedDict
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, make_dataclass,
                         InitVar, Field, MISSING, is_dataclass)


@dataclass
class Inner:
    v: int
    tags: list = field(default_factory=list)


Pair = namedtuple('Pair', 'a b')


@dataclass
class Outer:
    name: str
    inner: Inner
    many: list
    table: dict
    pair: Pair
    plain: tuple = ()


o = Outer('o', Inner(1, ['t']), [Inner(2)], {'k': Inner(3)}, Pair(Inner(4), 5), (Inner(6),))
d = asdict(o)
print(d)
print(d['inner']['tags'] is o.inner.tags, type(d['pair']).__name__)
print(astuple(o))
print(asdict(Inner(1), dict_factory=OrderedDict))
print(astuple(Inner(1, [2]), tuple_factory=list))
for fn in (asdict, astuple):
    try:
        fn(Inner)
    except TypeError as e:
        print('TypeError', e)


@dataclass
class Conf:
    host: str
    port: int = 80
    secret: str = field(default='s', init=False)
    factor: InitVar[int] = 1

    def __post_init__(self, factor):
        self.port *= factor


c = Conf('h', 8)
print(replace(c, host='x'), replace(c, port=9, factor=2), c)
for bad in (lambda: replace(c, secret='no'), lambda: replace(3), lambda: replace(c, nope=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


@dataclass
class NeedsInit:
    a: int
    k: InitVar[int]

    def __post_init__(self, k):
        pass


try:
    replace(NeedsInit(1, 2), a=3)
except ValueError as e:
    print('ValueError', e)

Point3 = make_dataclass('Point3', ['x', ('y', int), ('z', int, field(default=5))],
                        namespace={'norm': lambda self: self.x + self.y + self.z},
                        order=True)
p = Point3(1, 2)
print(p, p.norm(), p < Point3(1, 3), Point3.__annotations__, is_dataclass(Point3))
print(Point3.__name__, Point3.__qualname__)
Frozen2 = make_dataclass('Frozen2', [('a', int, 0)], frozen=True)
print(Frozen2(), hash(Frozen2()) == hash((0,)))
for spec in (['1x'], ['class'], ['a', 'a'], [('a', int, 1, 2)]):
    try:
        make_dataclass('Bad', spec)
    except TypeError as e:
        print('TypeError', e)

f0 = fields(Inner)[0]
print(type(f0) is Field, f0.name, f0.type, f0.default is MISSING, f0.default_factory is MISSING)
print(f0.init, f0.repr, f0.hash, f0.compare, dict(f0.metadata), f0.kw_only)
mf = field(default=1, metadata={'unit': 'cm'}, hash=False, kw_only=True)
print(mf.metadata['unit'], mf.hash, mf.kw_only, mf.name)
try:
    fields(3)
except TypeError as e:
    print('TypeError', e)
print(InitVar[int], InitVar[list[int]].type, InitVar('x'))


class Named:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)


@dataclass
class UsesSetName:
    d: Named = field(default=Named())


@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2


s = Slotted(1)
print(s, Slotted.__slots__, Slotted.__name__, is_dataclass(Slotted), '__dict__' in Slotted.__dict__)


@dataclass(frozen=True, slots=True, weakref_slot=True)
class FrozenSlots:
    a: int


fs = FrozenSlots(3)
print(FrozenSlots.__slots__, fs.__getstate__(), fs)
fs2 = FrozenSlots.__new__(FrozenSlots)
fs2.__setstate__([7])
print(fs2)
