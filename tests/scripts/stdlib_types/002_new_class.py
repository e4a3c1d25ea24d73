# Building classes dynamically: new_class, prepare_class, resolve_bases.
import types


class Base:
    pass


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        print("prepare", name, [b.__name__ for b in bases], sorted(kwds))
        return {"prepared": True}

    def __new__(mcls, name, bases, ns, **kwds):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kwds)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kwds):
        super().__init__(name, bases, ns)


C = types.new_class("C")
print(C.__name__, C.__bases__, type(C) is type)


def body(ns):
    ns["x"] = 10
    ns["double"] = lambda self: self.x * 2


D = types.new_class("D", (Base,), None, body)
print(D.__bases__, D().double(), "__orig_bases__" in D.__dict__)

E = types.new_class("E", (), {"metaclass": Meta, "flag": 1}, body)
print(type(E).__name__, E.prepared, E.x)
F = types.new_class("F", (E,), {"flag": 2})
print(type(F).__name__, F.__mro__[1].__name__)


class Entry:
    def __mro_entries__(self, bases):
        return (Base,)


class Two:
    def __mro_entries__(self, bases):
        return (int, Base)


class Empty:
    def __mro_entries__(self, bases):
        return ()


entry = Entry()
orig = (entry, dict)
print(types.resolve_bases(orig) == (Base, dict))
plain = (Base, int)
print(types.resolve_bases(plain) is plain, types.resolve_bases([Base]) == [Base])
print(types.resolve_bases((Two(), Empty(), str)))
G = types.new_class("G", orig)
print(G.__bases__, G.__orig_bases__ is orig, G.__dict__["__orig_bases__"] == orig)


class Bad:
    def __mro_entries__(self, bases):
        return [Base]


try:
    types.resolve_bases((Bad(),))
except TypeError as exc:
    print("TypeError", exc)

meta, ns, kw = types.prepare_class("P", (Base,), {"metaclass": Meta, "k": 1})
print(meta.__name__, ns, kw)
kwds = {"a": 1}
meta, ns, kw = types.prepare_class("Q", (), kwds)
print(meta, ns, kw, kw is kwds)
print(types.prepare_class("R"))
print(types.prepare_class("S", (E,))[0].__name__)


def meta_function(name, bases, ns, **kw):
    return (name, bases, sorted(ns), kw)


meta, ns, kw = types.prepare_class("T", (Base,), {"metaclass": meta_function})
print(meta is meta_function, ns, kw)
print(types.new_class("T", (Base,), {"metaclass": meta_function, "z": 3}))


class OtherMeta(type):
    pass


class O(metaclass=OtherMeta):
    pass


for bases in ((E, O), (O, E)):
    try:
        types.new_class("X", bases)
    except TypeError as exc:
        print("TypeError", exc)


class SubMeta(OtherMeta):
    pass


class SM(metaclass=SubMeta):
    pass


print(types.prepare_class("Y", (O, SM))[0].__name__, types.prepare_class("Y", (SM, O))[0].__name__)
print(types._calculate_meta(type, (O, SM)).__name__, types._calculate_meta(SubMeta, (O,)).__name__)
