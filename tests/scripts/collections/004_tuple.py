t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print(t.count(1), t.index("two"), (1, 2) + (3,), (0,) * 3, () == tuple())
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
a, b, c, d = t
print(a, b, c, d)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) == (2,), hash((1, 2)) == hash((1, 2)))
print(type(()).__name__, type((1,)).__name__, (1) == 1)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(max((1, "b"), (1, "a")), sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    (1, 2).index(5)
except ValueError as e:
    print("ValueError:", e)
