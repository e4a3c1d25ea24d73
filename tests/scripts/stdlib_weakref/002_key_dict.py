# WeakKeyDictionary: entries vanish with their keys.
import weakref

class Key:
    def __init__(self, n): self.n = n
    def __repr__(self): return "Key(%d)" % self.n

k1, k2, k3 = Key(1), Key(2), Key(3)
d = weakref.WeakKeyDictionary({k1: "one"})
d[k2] = "two"
d.update([(k3, "three")], )
print(len(d), d[k1], k2 in d, 5 in d, Key(4) in d, d.get(Key(5), "none"))
print(sorted(d.values()), sorted(d, key=lambda k: k.n), type(d.items()).__name__)
del k2
print(len(d), sorted(d.values()), len(d.keyrefs()))
print(d.pop(k3), d.pop(k3, "gone"), len(d))
print(d.setdefault(k1, "x"), d.setdefault(k3, "back"), d[k3])
del d[k3]
print(sorted(d.items(), key=lambda p: p[0].n))
try:
    d[Key(7)]
except KeyError:
    print("KeyError")
try:
    d[1] = 2
except TypeError as e:
    print("TypeError:", e)
c = d.copy()
print(type(c).__name__, list(c.items()))
m = d | {k3: "new"}
print(sorted(m.values()), sorted(({k3: "r"} | d).values()))
d |= {k3: "ior"}
print(sorted(d.values()))
print(d.popitem()[1] in ("one", "ior"), len(d))
d.clear()
print(len(d), list(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
print(repr(d).startswith("<WeakKeyDictionary at 0x"))
