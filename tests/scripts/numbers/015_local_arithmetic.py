# a OP b on two locals and n OP const: small ints (and their overflow into
# big ints), floats, the mixes and other types that take the general path,
# an unbound local, division by zero, and operator methods.
def ops(a, b):
    return a + b, a - b, a * b

def div(a, b):
    return a / b

def with_const(n):
    return n + 1, n - 1, n * 3, n + 0.5, n - 2.25, n * 1.5

big = 2**62
values = [0, 1, -7, 3, big - 1, -big, big, 2**100, 1.5, -0.0, float("inf"), float("nan"), True, 2.5]
for a in values:
    print(repr(a), with_const(a))
    for b in values:
        print(" ", repr(b), ops(a, b))

for a, b in [(7, 2), (-7, 2), (1, 3), (2**60, 3), (7.0, 2.0), (1, 2.0), (0.0, -1.0), (10**20, 10**19)]:
    print(a, b, div(a, b))

def zero_division(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return f"ZeroDivisionError: {e} (line {e.__traceback__.tb_lineno})"

print(zero_division(1.0, 0.0), zero_division(1, 0), zero_division(0.0, -0.0))

def add(a, b):
    return a + b

def mul(a, b):
    return a * b

print(add("ab", "cd"), add([1], [2]), add((1,), (2,)), mul("x", 3), with_const(2**70))
try:
    add("a", 1)
except TypeError as e:
    print("TypeError:", e)

def unbound():
    try:
        return a + b
    except UnboundLocalError as e:
        return str(e)
    a = b = 1
print(unbound())


class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    def __mul__(self, o):
        return V(self.x * o)
    def __rsub__(self, o):
        return V(o - self.x)
    def __repr__(self):
        return f"V({self.x})"

def objs(p, q, k):
    return p + q, p * k, k - p, p + 1

print(objs(V(1), V(2), 3))

def loop(n):
    total = 0.0
    acc = 0
    for i in range(n):
        x = i * 0.5
        total = total + x * x
        acc = acc + i - 1
    return total, acc

print(loop(1000))

def augmented(items, step):
    i = 0
    total = 0
    ftotal = 0.0
    rest = 100
    while i < len(items):
        total += items[i]
        x = items[i]
        ftotal += x
        ftotal -= step
        rest -= 1
        i += 1
    return i, total, ftotal, rest

print(augmented([1, 2, 3, 2**62 - 1, 2**62], 0.5))

def in_place_containers():
    lst = [1]
    alias = lst
    more = [2]
    lst += more          # list += extends in place: the general path
    s = "a"
    t = "b"
    s += t
    n = 2**62 - 1
    n += 1               # overflows into a big int
    m = -(2**62)
    m -= 1
    return lst is alias, alias, s, n, m

print(in_place_containers())
