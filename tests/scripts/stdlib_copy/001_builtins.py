# Shallow and deep copies of the builtin types.
import copy

nested = [1, [2, 3], {"k": [4]}, (5, [6]), {7, 8}]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow == nested, shallow is nested, shallow[1] is nested[1])
print(deep == nested, deep[1] is nested[1], deep[2]["k"] is nested[2]["k"])
print(deep[3] is nested[3], deep[3][1] is nested[3][1])

# Immutable objects are shared by both copies.
for obj in (None, 1, 2.5, 1j, True, "s", b"b", (1, 2), frozenset([1]),
            range(3), len, print, int, Ellipsis, NotImplemented):
    print(type(obj).__name__, copy.copy(obj) is obj, copy.deepcopy(obj) is obj)

# A tuple holding a mutable object is copied, a flat one is not.
t = (1, "a", (2, 3))
print(copy.deepcopy(t) is t)
t2 = ([1],)
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)

# slice and frozenset: shared by copy(), rebuilt by deepcopy().
s = slice(1, [2], None)
print(copy.copy(s) is s, copy.deepcopy(s) is s, copy.deepcopy(s))
fs = frozenset([1, 2])
print(copy.deepcopy(fs) is fs, copy.deepcopy(fs) == fs)

for obj in ([1, 2], {"a": 1}, {1, 2}, bytearray(b"xy")):
    c = copy.copy(obj)
    d = copy.deepcopy(obj)
    print(type(c).__name__, c == obj, c is obj, d == obj, d is obj)

# Shared references stay shared, and cycles are preserved.
inner = [0]
pair = [inner, inner]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is inner)
loop = [1]
loop.append(loop)
dl = copy.deepcopy(loop)
print(dl[1] is dl, dl is loop)
d = {"self": None}
d["self"] = d
dd = copy.deepcopy(d)
print(dd["self"] is dd)
tl = ([],)
tl[0].append(tl)
ct = copy.deepcopy(tl)
print(ct[0][0] is ct, ct is tl)

# The memo argument: an object already in it is not copied again.
memo = {}
a = [1]
b = copy.deepcopy([a, a], memo)
print(id(a) in memo, memo[id(a)] is b[0])
pre = {id(a): "replaced"}
print(copy.deepcopy([a], pre))

# Module names.
print(copy.error is copy.Error, issubclass(copy.Error, Exception), copy.__all__)
