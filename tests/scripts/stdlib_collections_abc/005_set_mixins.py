# Set and MutableSet mixins: comparisons, operators and in-place forms.
from collections.abc import Set, MutableSet


class LSet(Set):
    def __init__(self, items=()):
        self._items = []
        for x in items:
            if x not in self._items:
                self._items.append(x)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return "LSet(%r)" % sorted(self._items)


a, b, c = LSet([1, 2, 3]), LSet([2, 3]), LSet([1, 2, 3])
print(b <= a, b < a, a < c, a <= c, a >= b, a > b, c > a, a == c, a == b, a != b)
print(a == {1, 2, 3}, a <= {1, 2, 3, 4}, {1, 2} < a, a >= frozenset([1]))
print(a == [1, 2, 3], a.__le__([1]), a.__lt__(5), a.__eq__("x"))
for op in ("<", "<=", ">", ">="):
    try:
        eval("a %s [1]" % op)
    except TypeError as exc:
        print("TypeError", exc)
print(a & b, a & [3, 4], [3, 4, 3] & a)
print(a | b, a | [4, 5], [0] | a)
print(a - b, a - [1], [1, 5] - a, {1, 9} - a)
print(a ^ b, a ^ [3, 4, 4], [3, 4] ^ a)
print(type(a & b).__name__, type([1] | a).__name__)
print(a.isdisjoint([7, 8]), a.isdisjoint(iter([8, 3])))
for expr in ("a & 1", "a | 1", "a - 1", "1 - a", "a ^ 1"):
    try:
        eval(expr)
    except TypeError as exc:
        print("TypeError", exc)
print(a._hash() == hash(frozenset([1, 2, 3])), LSet()._hash() == hash(frozenset()))
print(LSet._from_iterable([5, 5, 6]), a.__hash__)


class MSet(LSet, MutableSet):
    def add(self, x):
        if x not in self._items:
            self._items.append(x)

    def discard(self, x):
        if x in self._items:
            self._items.remove(x)


m = MSet([1, 2, 3])
m.add(4)
m.discard(10)
m.remove(1)
print(m)
try:
    m.remove(1)
except KeyError as exc:
    print("KeyError", repr(exc))
m |= [7, 8]
print(m)
m &= [2, 3, 7, 9]
print(m)
m -= iter([3])
print(m)
m ^= [7, 7, 11]
print(m)
m ^= m
print(m)
m |= [1, 2]
m -= m
print(m)
m |= [5]
print(m.pop(), m)
try:
    m.pop()
except KeyError as exc:
    print("KeyError", repr(exc), exc.__suppress_context__)
m |= range(10)
m.clear()
print(m, len(m))
try:
    m &= 5
except TypeError as exc:
    print("TypeError", exc)
