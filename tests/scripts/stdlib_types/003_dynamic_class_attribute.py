# DynamicClassAttribute: a property on instances, AttributeError on the class.
import types

DCA = types.DynamicClassAttribute


class C:
    @DCA
    def x(self):
        "doc of x"
        return 42

    @DCA
    def w(self):
        return self._w

    @w.setter
    def w(self, value):
        self._w = value * 2

    @w.deleter
    def w(self):
        del self._w


c = C()
print(c.x, C.__dict__["x"].__doc__, C.__dict__["x"].fget.__name__)
for action in (lambda: C.x, lambda: setattr(c, "x", 1), lambda: delattr(c, "x")):
    try:
        action()
    except AttributeError as exc:
        print("AttributeError", repr(exc))
c.w = 4
print(c.w)
del c.w
print(hasattr(c, "_w"))


class E:
    y = DCA(None)


try:
    E().y
except AttributeError as exc:
    print("AttributeError", repr(exc))


def getter(self):
    "getter doc"
    return 1


a = DCA(getter)
b = DCA(getter, doc="given")
print(a.overwrite_doc, a.__doc__, b.overwrite_doc, b.__doc__, DCA().__doc__)
print(b.getter(lambda s: 2).__doc__, b.getter(lambda s: 2).overwrite_doc)
s = a.setter(lambda s, v: None)
print(s.__doc__, s.overwrite_doc, s.fget is getter, s.fdel)


def other(self):
    "other doc"
    return 3


print(a.getter(other).__doc__, a.deleter(other).fdel is other)


def abstract(self):
    return 0


abstract.__isabstractmethod__ = True
ab = DCA(abstract)


class G:
    z = ab


print(ab.__isabstractmethod__, a.__isabstractmethod__, G.z is ab)


class Sub(DCA):
    pass


print(type(Sub(getter).getter(other)).__name__, type(Sub(getter).setter(None)).__name__)
print(DCA.__mro__)


# The usual use: the class attribute comes from the metaclass __getattr__.
class Meta(type):
    def __getattr__(cls, name):
        return "class-level " + name


class Member(metaclass=Meta):
    @DCA
    def name(self):
        return "instance-level"


print(Member.name, Member().name)
