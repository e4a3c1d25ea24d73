# copy and pickle see every attribute, through __reduce_ex__'s __dict__.
import copy
import pickle


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"P({self.x!r}, {self.y!r})"

    def __eq__(self, other):
        return type(other) is P and vars(self) == vars(other)


p = P(1, [2, 3])
p.extra = "e"
c = copy.copy(p)
d = copy.deepcopy(p)
print(c, d, vars(c), c == p, c.y is p.y, d.y is p.y)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q, vars(q), q == p)
print(p.__reduce_ex__(2)[2])
print(p.__getstate__())


class St:
    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {"a": self.a + 1}

    def __setstate__(self, s):
        self.restored = s


s = pickle.loads(pickle.dumps(St()))
print(vars(s))
s2 = copy.copy(St())
print(vars(s2))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


x = Slotted()
print(x.__getstate__())
y = copy.copy(x)
print(y.a, hasattr(y, "b"))
z = pickle.loads(pickle.dumps(x, 2))
print(z.a, hasattr(z, "b"))
try:
    pickle.dumps(x, 1)
except TypeError as e:
    print("TypeError:", e)


class Mixed:
    __slots__ = ("s", "__dict__")


m = Mixed()
m.s = "slot"
m.d = "dict"
print(m.__getstate__())
m2 = pickle.loads(pickle.dumps(m))
print(m2.s, m2.d, vars(m2))
