# Sorting tuples whose first items share a type (dict items, (count, word)
# pairs) takes a fast path in gilt; every tie-break rule must stay CPython's.
counts = {"pear": 3, "apple": 3, "fig": 1, "kiwi": 7, "date": 1}
print(sorted(counts.items()))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([(v, k) for k, v in counts.items()], reverse=True))

# ties on the first item fall through to later items, of any type
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (1, "a", 0)]))
print(sorted([("a", 2), ("a", 1.5), ("a", True), ("b", 0), ("a",)]))
print(sorted([(2.0, "x"), (1.5, "y"), (2.0, "a"), (-0.0, "n"), (0.0, "p")]))

# a prefix sorts before the longer tuple
print(sorted([("x", 1, 2), ("x", 1), ("x",), ("w", 9)]))

# NaN first items: not equal, not less, so the sort keeps input order around them
nan = float("nan")
print(sorted([(1.0, "a"), (nan, "b"), (0.5, "c")]))
print(sorted([(nan, 2), (nan, 1)]))

# unicode strings order by code point
print(sorted([("é", 1), ("e", 2), ("z", 3), ("ä", 4), ("😀", 5)]))

# big ints and bools are not small ints in every implementation: mixed firsts
print(sorted([(10**30, "big"), (5, "small"), (True, "bool"), (-10**30, "neg")]))


class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return f"Loud({self.v})"


# second items compare with == then < only on ties of the first
print(sorted([("k", Loud(2)), ("j", Loud(9)), ("k", Loud(1))]))

try:
    sorted([("a", 1), ("a", "one")])
except TypeError as e:
    print("TypeError:", e)

try:
    sorted([(1, 2), ("a", 1)])
except TypeError as e:
    print("TypeError:", e)

words = ["b", "a", "c", "a", "b"]
pairs = [(w, i) for i, w in enumerate(words)]
pairs.sort()
print(pairs)
