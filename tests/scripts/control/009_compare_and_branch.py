# Comparisons that decide a branch: numbers of every kind, NaN, mixed int
# and float, big ints, strs, objects whose __lt__ returns a non-bool or
# raises, and chained comparisons, in if, elif, while and conditional
# expressions.
nan = float("nan")
pairs = [(1, 2), (2, 1), (2, 2), (-5, 3), (1.5, 1.5), (0.1, 0.2), (nan, 1.0), (1.0, nan),
         (nan, nan), (1, 1.0), (2, 1.5), (2**70, 2**70 + 1), (-(2**70), 3), ("a", "b"), ("b", "b")]
for a, b in pairs:
    row = []
    if a < b: row.append("lt")
    if a <= b: row.append("le")
    if a == b: row.append("eq")
    if a != b: row.append("ne")
    if a > b: row.append("gt")
    if a >= b: row.append("ge")
    if not a < b: row.append("!lt")
    row.append("T" if a > b else "F")
    print(repr(a), repr(b), row)


class Fuzzy:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return [self.v] if self.v < other.v else []

    def __gt__(self, other):
        return 1 if self.v > other.v else 0


print("yes" if Fuzzy(1) < Fuzzy(2) else "no", "yes" if Fuzzy(3) < Fuzzy(2) else "no")
if Fuzzy(5) > Fuzzy(2):
    print("gt truthy")


class Bad:
    def __bool__(self):
        raise ValueError("no truth")


class Cmp:
    def __lt__(self, other):
        return Bad()

    def __eq__(self, other):
        raise RuntimeError("eq failed")


for thunk in (lambda: 1 if Cmp() < 1 else 0, lambda: 1 if Cmp() == 1 else 0, lambda: 1 if 1 < "x" else 0):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)

i, total = 0, 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    elif i >= 8:
        break
    total += i
print(i, total)

x = 0.0
steps = 0
while x < 1.0:
    x += 0.125
    steps += 1
print(x, steps)

for v in (0, 5, 10, 15):
    if 0 < v < 10:
        print(v, "inside")
    elif v >= 10:
        print(v, "above")
    else:
        print(v, "edge")
