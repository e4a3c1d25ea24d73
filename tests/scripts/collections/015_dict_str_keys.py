# str keys meet other keys with the same hash: str subclasses, objects that
# hash and compare like a str, and equal strs that are different objects.
class S(str):
    pass


class LikeStr:
    def __init__(self, s):
        self.s = s
        self.compared = 0

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        self.compared += 1
        return other == self.s


d = {}
d[S("abc")] = "subclass"
print(d["abc"], d.get("abc"), "abc" in d, type(list(d)[0]).__name__)
d["abc"] = "str"
print(d, type(list(d)[0]).__name__)

k = LikeStr("key")
e = {k: 1}
print(e.get("key"), "key" in e, k.compared > 0)
e["key"] = 2
print(len(e), e[k], list(e.values()))

# Equal text built at run time, not the same object as the literal.
parts = "alpha beta alpha gamma beta alpha".split()
counts = {}
for w in parts:
    counts[w] = counts.get(w, 0) + 1
print(counts)
joined = "".join(["al", "pha"])
print(joined in counts, counts[joined])

# Same hash, different text: both kept.
class Collide:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return hash("x")
    def __eq__(self, other):
        return isinstance(other, Collide) and other.s == self.s
    def __repr__(self):
        return f"Collide({self.s!r})"

f = {"x": 1, Collide("y"): 2}
print(f["x"], f[Collide("y")], "y" in f, len(f))
del f["x"]
print(f, f.get("x"))
