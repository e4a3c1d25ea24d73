# WeakSet: a set of weak references.
import weakref
from collections.abc import MutableSet, Set

class Item:
    def __init__(self, n): self.n = n
    def __repr__(self): return "Item(%d)" % self.n

def names(s):
    return sorted(i.n for i in s)

a, b, c, d = Item(1), Item(2), Item(3), Item(4)
s = weakref.WeakSet([a, b])
s.add(c)
print(len(s), names(s), a in s, d in s, 1 in s, isinstance(s, MutableSet), isinstance(s, Set))
del c
print(len(s), names(s))
s.discard(d)
s.discard(a)
print(names(s))
try:
    s.remove(d)
except KeyError:
    print("KeyError")
s.update([a, d])
print(names(s))
t = weakref.WeakSet([a, b])
print(names(s | t), names(s & t), names(s - t), names(s ^ t))
print(names(s.union([b])), names(s.intersection([a, 1])), names(s.difference([a])),
      names(s.symmetric_difference([a, Item(9)])))
print(t <= s, t < s, s >= t, s > t, t.issubset(s), s.issuperset(t), s < s)
print(s == weakref.WeakSet([a, b, d]), s == {a, b, d}, s != t, t.isdisjoint([d]))
u = s.copy()
u -= t
print(names(u), names(s))
u |= t
print(names(u))
u &= [a]
print(names(u))
u ^= [a, b]
print(names(u))
u.difference_update([b])
u.intersection_update([a])
u.symmetric_difference_update([d])
print(names(u))
u -= u
print(len(u))
p = weakref.WeakSet([a])
print(p.pop() is a, len(p))
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.add(1)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)
print(repr(weakref.WeakSet()))
s.clear()
print(len(s), list(s))
