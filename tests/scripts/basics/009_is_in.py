a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None).__name__)
print(2 in a, 5 in a, 5 not in a)
print("ell" in "hello", "z" in "hello", "" in "abc")
d = {"k": 1}
print("k" in d, 1 in d, 1 in d.values())
print(3 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print((1, 2) in [(1, 2), (3, 4)], 3 in {1, 2, 3}, "x" in ("x",))
x = None
if x is None:
    print("x is None")
print(True is True, (1 == 1) is True)
