# __slots__ members: descriptors, reads of unset slots, no __dict__.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print(p.x, P.x, type(P.x).__name__, P.x.__name__, P.x.__objclass__.__name__, P.x.__doc__)
print(repr(P.y), P.x.__qualname__)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 2
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(p, "__dict__"), "__dict__" in dir(p), "x" in dir(p))
print(P.__slots__, sorted(k for k in P.__dict__ if not k.startswith("__")))
print(P.x.__get__(p), P.x.__get__(None, P) is P.x)
P.x.__set__(p, 10)
print(p.x)
P.x.__delete__(p)
print(hasattr(p, "x"))
try:
    P.x.__get__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    P.x.__set__("s", 1)
except TypeError as e:
    print("TypeError:", e)

# Many instances through the same call sites.
pts = [P(i) for i in range(20)]
for q in pts:
    q.y = q.x * 2
print(sum(q.y for q in pts))

# str slots, dict slots with docs, any iterable.
class One:
    __slots__ = "only"


o = One()
o.only = 1
print(One.__slots__, o.only)


class Doc:
    __slots__ = {"a": "the a", "b": None}


print(Doc.a.__doc__, Doc.b.__doc__)


class Gen:
    __slots__ = iter(["g1", "g2"])


print(sorted(k for k in Gen.__dict__ if k.startswith("g")))


class Empty:
    __slots__ = ()


e = Empty()
try:
    e.a = 1
except AttributeError as ex:
    print("AttributeError:", ex)

# Member descriptors go into the class dict in sorted order, after the body.
Q = type("Q", (), {"__slots__": ("z", "b", "c"), "m": 1})
print([k for k in Q.__dict__ if k == "__slots__" or not k.startswith("__")])
