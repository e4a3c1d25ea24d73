# Slots along a class hierarchy, and what mixing layouts does.
class Base:
    __slots__ = ("a",)

    def __init__(self):
        self.a = "base"


class Mid(Base):
    __slots__ = ("b",)

    def __init__(self):
        super().__init__()
        self.b = "mid"


class Leaf(Mid):
    __slots__ = ("c",)

    def __init__(self):
        super().__init__()
        self.c = "leaf"


leaf = Leaf()
print(leaf.a, leaf.b, leaf.c, hasattr(leaf, "__dict__"))
print(Leaf.a is Base.a, Leaf.__slots__, Mid.__slots__)


class WithDictChild(Base):
    pass


wd = WithDictChild()
wd.z = 1
print(wd.a, vars(wd))


class Other:
    __slots__ = ("o",)


try:
    class Bad(Base, Other):
        pass
except TypeError as e:
    print("TypeError:", e)


class EmptySlots:
    __slots__ = ()


class Fine(Base, EmptySlots):
    pass


f = Fine()
f.x = 1
print(f.a, f.x)


class PlainMixin:
    def hello(self):
        return "hello"


class Combo(PlainMixin, Base):
    __slots__ = ("d",)


cb = Combo()
cb.d = 4
print(cb.hello(), cb.a, cb.d)

# Overriding a slot with a property in a subclass.
class Over(Base):
    @property
    def a(self):
        return "property"


print(Over().a)

# A slot and a method of the same name in a base class.
class M:
    def m(self):
        return "method"


class SM(M):
    __slots__ = ("m",)


sm = SM()
try:
    sm.m
except AttributeError as e:
    print("AttributeError:", e)
sm.m = "slot value"
print(sm.m)
