# '__dict__' and '__weakref__' in __slots__.
import weakref


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, vars(w), w.__dict__)
w.__dict__ = {"c": 3}
print(w.a, w.c, vars(w))


class NoWeak:
    __slots__ = ("a",)


try:
    weakref.ref(NoWeak())
except TypeError as e:
    print("TypeError:", e)


class Weak:
    __slots__ = ("a", "__weakref__")


x = Weak()
r = weakref.ref(x)
print(r() is x)
del x
print(r())


class Plain:
    pass


print(weakref.ref(Plain())() is None)


class Sub(NoWeak):
    pass


s = Sub()
s.a = 1
s.b = 2
print(s.a, vars(s), weakref.ref(s)() is s)


class SubSlots(NoWeak):
    __slots__ = ("b",)


ss = SubSlots()
ss.a, ss.b = 1, 2
print(ss.a, ss.b, hasattr(ss, "__dict__"))
try:
    weakref.ref(ss)
except TypeError as e:
    print("TypeError:", e)


class SubWeak(NoWeak):
    __slots__ = ("__weakref__",)


print(weakref.ref(SubWeak()) is not None)
