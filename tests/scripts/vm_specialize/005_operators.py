# Arithmetic and comparison sites that change operand types: small ints,
# overflow to big ints, floats, strs, mixed, subclasses with their own
# operators and NaN.


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def lt(a, b):
    return a < b


def eq(a, b):
    return a == b


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __lt__(self, other):
        return "MyInt.__lt__"


class MyStr(str):
    def __add__(self, other):
        return "MyStr.__add__"


pairs = [(1, 2), (2**62, 2**62), (1.5, 2), (2, 1.5), ("a", "b"), ([1], [2]),
         (MyInt(1), 2), (MyStr("x"), "y"), (True, True), (-(2**63), -1)]
for a, b in pairs:
    print(repr(add(a, b)), repr(mul(a, 2)), lt(a, a) if not isinstance(a, list) else None)

for a, b in [(1, 2), (2.0, 1), ("a", "b"), ("b", "a"), (MyInt(3), 1), (float("nan"), 1.0),
             (1, float("nan")), ((1, 2), (1, 3)), (3, 2**70)]:
    print(lt(a, b), eq(a, b))

for a, b in [("a", 1), (None, 1), ([], ())]:
    try:
        lt(a, b)
    except TypeError as e:
        print("TypeError:", e)

try:
    add(1, "x")
except TypeError as e:
    print("TypeError:", e)


def loop_sum(n):
    total = 0
    for i in range(n):
        total += i * i * i
    return total


print(loop_sum(10), loop_sum(3000000 // 1000))
print(loop_sum(10)**5 + 1)


def divide(a, b):
    return a / b


for a, b in [(1, 2), (1.0, 4), (7, 7), (2**80, 2**78)]:
    print(divide(a, b))
try:
    divide(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
