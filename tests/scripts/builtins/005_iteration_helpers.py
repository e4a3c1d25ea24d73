print(len([1, 2]), len("abc"), len({1: 2}), len(range(5)), len(b"xy"), len(()))
print(list(enumerate("abc")), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip("a", "b", "c")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(abs, [-1, -2])), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "x"])))
print(list(filter(lambda x: x > 1, [1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
print(sorted("bca"), sorted([3, 1], reverse=True), sorted({"b": 1, "a": 2}))
print(min([3, 1, 2]), max("hello"), min(3, 1, 2), max([1, 5], [2]), min([], default="empty"))
print(max(["aa", "b", "ccc"], key=len), min({"x": 3, "y": 1}.items(), key=lambda kv: kv[1]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum(x / 2 for x in range(4)))
print(any([]), all([]), any([0, "", 1]), all([1, "x", [0]]), any(x > 2 for x in range(4)))
