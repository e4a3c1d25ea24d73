print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True)
print(True == 1, False == 0, isinstance(True, int))
print(int(True), str(True), repr(False), bool(0), bool(1), bool(-1), bool(0.0), bool("0"))
print(sum([True, False, True, True]), max(True, 2), [10, 20][True])
print(True and 5, False or "x", not None, not 0, not [], not [0])
print(None == None, None is None, None == 0, bool(None), str(None), repr(None))
print(type(None).__name__, type(True).__name__, True.__class__.__mro__[1].__name__)
d = {True: "a", 1: "b", 1.0: "c"}
print(d)
print({0, False, 0.0}, hash(True) == hash(1))
x = None
print(x or "default", x is None and "none")
