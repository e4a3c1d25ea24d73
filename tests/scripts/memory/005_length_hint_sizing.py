# list(), tuple() and list.extend() size the result from len() or __length_hint__
# first, as CPython does: a huge range is a MemoryError at once; a bad hint
# raises CPython's errors, a TypeError or NotImplemented from it means no hint.
import sys
for expr in ["list(range(2**50))", "tuple(range(2**50))", "[].extend(range(2**50))", "list(range(2**70))"]:
    try:
        eval(expr)
    except (MemoryError, OverflowError) as e:
        print(expr, type(e).__name__, e)


class Hint:
    def __init__(self, hint):
        self.hint = hint
        self.items = [1, 2, 3]

    def __iter__(self):
        return iter(self.items)

    def __length_hint__(self):
        if isinstance(self.hint, Exception):
            raise self.hint
        return self.hint


for hint in [0, 2, 3, 1000, NotImplemented, TypeError("no hint"), -1, "x", 2**70, ValueError("boom"), 3.0]:
    try:
        print(repr(hint), list(Hint(hint)))
    except Exception as e:
        print(repr(hint), type(e).__name__, e)


class BadLen:
    def __iter__(self):
        return iter("ab")

    def __len__(self):
        raise TypeError("no len")


class FailingLen:
    def __iter__(self):
        return iter("ab")

    def __len__(self):
        raise KeyError("len")


print(list(BadLen()))
try:
    list(FailingLen())
except KeyError as e:
    print("KeyError", e)
l = [0]
l.extend(Hint(10**6))
print(l, sys.getsizeof(l) < 10**6)
print(list(x for x in range(5)), list({1: 2, 3: 4}), list(map(str, range(3))), tuple(iter([4, 5])))
