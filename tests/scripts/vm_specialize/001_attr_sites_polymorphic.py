# One attribute site meets one class, then several, then more classes than
# it has cache ways: every read, store and method call must still find what
# CPython finds.


def make_classes(n):
    classes = []
    for i in range(n):
        def area(self, i=i):
            return self.w * self.h + i

        cls = type("C%d" % i, (), {"area": area, "kind": "k%d" % i})
        classes.append(cls)
    return classes


def build(cls, w, h):
    o = cls()
    o.w = w
    o.h = h
    return o


def read(o):
    return o.w + o.h


def call(o):
    return o.area()


def kind(o):
    return o.kind


def bump(o):
    o.w += 1
    return o.w


for n in (1, 2, 4, 5, 9):
    classes = make_classes(n)
    objs = [build(classes[i % n], i, i + 1) for i in range(60)]
    total_read = sum(read(o) for o in objs)
    total_call = sum(call(o) for o in objs)
    kinds = sorted(set(kind(o) for o in objs))
    bumped = sum(bump(o) for o in objs)
    print(n, total_read, total_call, kinds[:3], len(kinds), bumped)


# The same site over instances with a dict, with __slots__, and compact ones.
class Plain:
    def __init__(self):
        self.x = 1


class Slotted:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 2


class WithDict:
    def __init__(self):
        self.__dict__["x"] = 3


class Many:
    def __init__(self):
        for i in range(40):
            setattr(self, "a%d" % i, i)
        self.x = 4


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


objs = [Plain(), Slotted(), WithDict(), Many()] * 5
print([get_x(o) for o in objs])
for i, o in enumerate(objs):
    set_x(o, i)
print([get_x(o) for o in objs])


# Builtin types at an attribute site that also sees instances.
class HasReal:
    real = "class attribute"


def real_of(o):
    return o.real


print([real_of(o) for o in [1, 2.5, HasReal(), 3j, True, HasReal()]])


# A method site where one class's instance shadows the method after warm-up.
class M:
    def f(self):
        return "method"


class N:
    def f(self):
        return "other method"


def call_f(o):
    return o.f()


ms = [M() for _ in range(5)] + [N() for _ in range(5)]
print([call_f(o) for o in ms])
ms[2].f = lambda: "instance attribute"
ms[7].__dict__["f"] = lambda: "via __dict__"
print([call_f(o) for o in ms])
del ms[2].f
print([call_f(o) for o in ms])


# Attribute errors from a warmed site keep CPython's messages.
def get_missing(o):
    return o.missing


for o in [Plain(), Slotted(), 5, "s"]:
    try:
        get_missing(o)
    except AttributeError as e:
        print(type(o).__name__, e)
