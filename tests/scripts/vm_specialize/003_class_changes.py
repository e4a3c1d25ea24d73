# Sites warmed on a class must notice the class changing: methods replaced,
# class attributes added that shadow or are shadowed, descriptors added
# later, __getattr__/__getattribute__ added, bases changed, and instances
# moved to another class with __class__ assignment.


class A:
    def m(self):
        return "A.m"


class B(A):
    pass


def call_m(o):
    return o.m()


def get_y(o):
    return o.y


b = B()
print([call_m(b) for _ in range(4)])
A.m = lambda self: "A.m replaced"
print(call_m(b))
B.m = lambda self: "B.m added"
print(call_m(b))
del B.m
print(call_m(b))

b.y = "instance y"
print([get_y(b) for _ in range(4)])


# A data descriptor added to the class after warm-up takes precedence over
# the instance value; a non-data descriptor does not.
class Nondata:
    def __get__(self, obj, owner):
        return "non-data descriptor"


A.y = Nondata()
print(get_y(b))
A.y = property(lambda self: "property wins")
print(get_y(b))
del A.y
print(get_y(b))


# Stores too: a property with a setter added after warm-up.
def set_z(o, v):
    o.z = v


log = []
for i in range(4):
    set_z(b, i)
print(b.z)
A.z = property(lambda self: "getter", lambda self, v: log.append(v))
set_z(b, 99)
print(b.z, log, b.__dict__.get("z"))
del A.z
print(b.z)


# __getattr__ added later answers only missing names.
def get_missing(o):
    return o.missing


try:
    get_missing(b)
except AttributeError as e:
    print("AttributeError:", e)
A.__getattr__ = lambda self, name: "__getattr__ for " + name
print(get_missing(b), get_y(b))
del A.__getattr__


# __getattribute__ added later answers everything.
A.__getattribute__ = lambda self, name: "__getattribute__ for " + name
print(get_y(b), call_m.__name__)
del A.__getattribute__
print(get_y(b))


# __class__ assignment between compatible classes.
class P:
    def who(self):
        return "P"


class Q:
    def who(self):
        return "Q"


def who(o):
    return o.who()


def get_v(o):
    return o.v


p = P()
p.v = 1
print([who(p) for _ in range(4)], get_v(p))
p.__class__ = Q
p.v = 2
print(who(p), get_v(p), type(p).__name__)
p.__class__ = P
print(who(p), get_v(p))


# A method added to a base class in the middle of the MRO after warm-up.
class Base1:
    def f(self):
        return "Base1"


class Mid1(Base1):
    pass


class D(Mid1):
    pass


def call_f(o):
    return o.f()


d = D()
print([call_f(d) for _ in range(4)])
Mid1.f = lambda self: "Mid1"
print(call_f(d))
del Mid1.f
print(call_f(d))


# __slots__ class whose member becomes shadowed by a class attribute change.
class S:
    __slots__ = ("a",)


s = S()
s.a = 5


def get_a(o):
    return o.a


print([get_a(s) for _ in range(3)])
try:
    del s.a
    get_a(s)
except AttributeError as e:
    print("AttributeError:", e)
