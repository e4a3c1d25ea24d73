# Sequence and MutableSequence mixins on a list-backed class.
from collections.abc import Sequence, MutableSequence


class Seq(Sequence):
    def __init__(self, items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


s = Seq([3, 1, 4, 1, 5, 9, 2, 6])
print(list(s), list(reversed(s)), 4 in s, 7 in s)
print(s.count(1), s.count(8), s.index(1), s.index(1, 2), s.index(1, -5))
print(s.index(6, -1), s.index(3, -100), s.index(5, 0, 5))
for args in ((7,), (3, 1), (9, 0, 5), (1, 4, -5), (6, 2, -1)):
    try:
        s.index(*args)
    except ValueError as exc:
        print("ValueError", args, repr(exc))

nan = float("nan")
n = Seq([nan])
print(nan in n, n.count(nan), n.index(nan))


# __iter__ stops at the first IndexError, without needing __len__.
class Squares(Sequence):
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i

    def __len__(self):
        raise RuntimeError("len not needed")


sq = Squares()
print([x for x in sq], 16 in sq, sq.index(9), sq.count(4))
try:
    list(reversed(sq))
except RuntimeError as exc:
    print("RuntimeError", exc)


class MSeq(MutableSequence):
    def __init__(self, items=()):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)

    def __repr__(self):
        return "MSeq(%r)" % self._items


m = MSeq([1, 2, 3])
m.append(4)
m.extend([5, 6])
print(m)
m.extend(m)
print(m)
m += (7,)
print(m, type(m).__name__)
print(m.pop(), m.pop(0), m)
m.remove(3)
print(m)
m.reverse()
print(m)
MSeq([1, 2]).reverse()
e = MSeq([1])
e.reverse()
print(e)
m.clear()
print(m, len(m))
for action in (lambda: m.pop(), lambda: m.remove(1), lambda: MSeq([1]).pop(5)):
    try:
        action()
    except (IndexError, ValueError) as exc:
        print(type(exc).__name__, exc)
odd = MSeq([1, 2, 3, 4, 5])
odd.reverse()
print(odd)
