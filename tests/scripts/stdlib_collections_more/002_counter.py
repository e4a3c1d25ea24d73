# Counter: arithmetic, comparisons, repr and the less common methods.
from collections import Counter

c = Counter("abracadabra")
print(c, c.total(), repr(Counter()))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(list(Counter(a=2, b=0, c=-1, d=1).elements()))

c2 = Counter({"x": 2})
c2.update({"x": 3, "y": 1})
c2.update(["y", "z"], z=4)
print(c2)
c3 = Counter()
c3.update({"q": "not a number"})
print(c3)
c2.subtract({"x": 10}, y=1)
c2.subtract("zz")
print(c2, c2["missing"], "missing" in c2)
del c2["x"]
del c2["never there"]
print(c2)

a = Counter(a=3, b=1, c=0, d=-2)
b = Counter(b=2, c=1, e=5, d=-1)
print(a + b, a - b, a | b, a & b)
print(+a, -a)
x = Counter(a=1, b=2)
x += Counter(b=-2, c=3)
print(x)
x -= Counter(a=5)
print(x)
x |= Counter(c=1, d=4, e=-1)
print(x)
x &= Counter(c=2, d=1)
print(x)

print(Counter(a=1, b=0) == Counter(a=1), Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=1, b=1), Counter(a=1) < Counter(a=1))
print(Counter(a=2) >= Counter(a=1), Counter(a=1) > Counter(a=1, b=0))
print(Counter(a=1) == {"a": 1}, Counter() != {})
for op in ("<", "<=", ">", ">="):
    try:
        eval("Counter() %s {}" % op)
    except TypeError as e:
        print("TypeError", e)
try:
    Counter() + {}
except TypeError as e:
    print("TypeError", e)

try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError", e)
try:
    hash(Counter())
except TypeError as e:
    print("TypeError", e)

# repr falls back to insertion order when counts cannot be ordered.
print(Counter({"a": 1, "b": "x"}))
print(Counter({"a": 1, "b": 3, "c": 2}))


class MyCounter(Counter):
    pass


m = MyCounter("aab")
print(repr(m), type(m.copy()).__name__, m.copy(), m.__reduce__())
print(type(m + m).__name__, dict(Counter(b=1, a=1) + Counter(a=1)))
print(Counter(["a", "b"], b=5))
