# WeakValueDictionary: entries vanish with their values.
import weakref
from collections.abc import MutableMapping

class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return "Obj(%d)" % self.n

a, b, c = Obj(1), Obj(2), Obj(3)
d = weakref.WeakValueDictionary({"a": a}, b=b)
d["c"] = c
print(len(d), sorted(d), d["a"], "a" in d, "z" in d, d.get("z"), d.get("z", 0))
print(isinstance(d, MutableMapping), type(d.keys()).__name__, type(d.items()).__name__)
print(sorted(d.keys()), sorted(d.values(), key=lambda o: o.n), sorted(d.items()))
del b
print(len(d), sorted(d), "b" in d, d.get("b", "gone"))
try:
    d["b"]
except KeyError as e:
    print("KeyError:", e)
print(d.pop("c"), len(d), d.pop("c", "dflt"))
try:
    d.pop("c")
except KeyError as e:
    print("KeyError:", e)
x = Obj(9)
print(d.setdefault("x", x) is x, d.setdefault("x", a) is x)
print(sorted(d))
del d["x"]
print(sorted(d), len(d.valuerefs()), [r() for r in d.itervaluerefs()])
# Rebinding a key: the old value's death must not remove the new entry.
old, new = Obj(10), Obj(11)
d["k"] = old
d["k"] = new
del old
print(d["k"])
c2 = d.copy()
print(type(c2).__name__, sorted(c2.items()))
print(sorted((d | {"q": a}).items()), sorted(({"q": a} | d).items()))
d |= [("r", a)]
print(sorted(d))
try:
    d | 1
except TypeError as e:
    print("TypeError:", e)
k, v = d.popitem()
print(k in ("a", "k", "r"), len(d))
d.clear()
print(len(d), list(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
d.update([("a", a)])
d.update({"c": c}, z=x)
print(sorted(d), d == {"a": a, "c": c, "z": x})
try:
    d.update([1])
except TypeError as e:
    print("TypeError:", e)
print(repr(d).startswith("<WeakValueDictionary at 0x"))
try:
    d["n"] = 5
except TypeError as e:
    print("TypeError:", e)
# The dictionary itself can die while values live.
holder = weakref.WeakValueDictionary({"a": a})
r = weakref.ref(holder)
del holder
print(r() is None)
