# total_ordering from each possible root, NotImplemented pass-through and
# the error for a class with no ordering method.
from functools import total_ordering


def make(root):
    ns = {
        "__init__": lambda self, v: setattr(self, "v", v),
        "__eq__": lambda self, o: isinstance(o, type(self)) and self.v == o.v,
        "__repr__": lambda self: "N(%r)" % self.v,
    }
    ops = {"__lt__": lambda a, b: a.v < b.v, "__le__": lambda a, b: a.v <= b.v,
           "__gt__": lambda a, b: a.v > b.v, "__ge__": lambda a, b: a.v >= b.v}

    def checked(op):
        def method(self, other):
            if not isinstance(other, type(self)):
                return NotImplemented
            return op(self, other)
        return method
    ns[root] = checked(ops[root])
    return total_ordering(type("N" + root.strip("_"), (), ns))


for root in ("__lt__", "__le__", "__gt__", "__ge__"):
    cls = make(root)
    one, two, other_one = cls(1), cls(2), cls(1)
    rows = []
    for a, b in ((one, two), (two, one), (one, other_one)):
        rows.append((a < b, a <= b, a > b, a >= b))
    print(root, rows)
    print(sorted([cls(3), cls(1), cls(2)]))
    try:
        one < 5
    except TypeError as e:
        print("TypeError:", e)
    print([getattr(cls, n).__name__ for n in ("__lt__", "__le__", "__gt__", "__ge__")])

try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)


@total_ordering
class Both:
    def __init__(self, v):
        self.v = v

    def __gt__(self, o):
        return self.v > o.v

    def __le__(self, o):
        return "le-called"


# With two roots the preferred one (__le__ over __gt__) derives the rest.
print(Both(1) < Both(2), Both(1) > Both(2), Both(1) <= Both(2))
