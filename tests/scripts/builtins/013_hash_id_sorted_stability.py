a = (1, 2, 3)
print(hash(a) == hash((1, 2, 3)), hash(5) == 5, hash(0) == 0, hash(-1) == -2)
x, y = [], []
print(id(x) == id(x), id(x) != id(y), x is not y)
pairs = [("b", 1), ("a", 1), ("c", 0), ("d", 1), ("e", 0)]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
big = [(i % 5, i) for i in range(30)]
print(sorted(big, key=lambda t: t[0])[:12])
print(list(reversed(sorted(range(5)))))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
print(hash(frozenset()) == hash(frozenset()), hash("") == hash(""))
