# __class__ assignment between classes with the same layout.
class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


a = A()
a.x = 1
a.y = 2
print(a.who(), type(a).__name__)
a.__class__ = B
print(a.who(), type(a).__name__, a.x, vars(a), isinstance(a, B))
a.z = 3
print(vars(a))
items = [A() for _ in range(4)]
for i, it in enumerate(items):
    it.n = i
    if i % 2:
        it.__class__ = B
print([(type(it).__name__, it.who(), it.n) for it in items])


class S:
    __slots__ = ("a",)


class T:
    __slots__ = ("a",)


def attempt(obj, cls):
    try:
        obj.__class__ = cls
        print("ok", type(obj).__name__)
    except TypeError as e:
        print("TypeError:", e)


attempt(a, S)
attempt(S(), A)
attempt(S(), T)
attempt(a, 5)
attempt(1, bool)
attempt([], A)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)


class A2(A):
    pass


a2 = A2()
a2.q = 1
a2.__class__ = A
print(type(a2).__name__, a2.q, vars(a2))
