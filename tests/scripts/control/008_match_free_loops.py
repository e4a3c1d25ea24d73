# Loops over many iterable kinds.
for c in "hé":
    print(repr(c))
for b in b"AB":
    print(b)
for t in (1, "two", 3.0):
    print(type(t).__name__)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
for x in reversed([1, 2, 3]):
    print(x, end=",")
print()
it = iter([1, 2, 3, 4])
for x in it:
    print("got", x, "skip", next(it))
nested = [[1, [2, 3]], [4, [5, 6]]]
for a, (b, c) in nested:
    print(a + b + c)
