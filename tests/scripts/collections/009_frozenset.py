f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, sorted(f))
g = frozenset({2, 3, 4})
print(f | g, f & g, f - g, f ^ g, type(f | g).__name__, type({1} | f).__name__)
print(hash(f) == hash(frozenset({1, 2, 3})), f == {1, 2, 3})
d = {f: "frozen key"}
print(d[frozenset([1, 2, 3])])
s = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(s))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError")
print(frozenset(), frozenset("aa"), f.issubset({1, 2, 3, 4}))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
