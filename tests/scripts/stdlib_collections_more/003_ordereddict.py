# OrderedDict: reordering, order-sensitive equality, merging, repr.
from collections import OrderedDict

od = OrderedDict.fromkeys("abcde", 0)
print(od, list(reversed(od)))
od.move_to_end("b")
od.move_to_end("d", last=False)
od.move_to_end("e", False)
print(list(od))
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
print(od.popitem(), od.popitem(last=False), od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, a != b, a == dict(b), dict(b) == a, a == OrderedDict(a))
print(a != [1], a == 5, a.__hash__)
# (CPython's messages name the C type 'collections.OrderedDict'.)
try:
    hash(a)
except TypeError:
    print("TypeError")

c = a.copy()
c["z"] = 3
print(c, a, type(c).__name__)
print(a | {"w": 0}, {"w": 0} | a, type({"w": 0} | a).__name__)
a |= {"x": 10, "n": 1}
print(a)
try:
    a | [1]
except TypeError:
    print("TypeError")

r = OrderedDict()
r["me"] = r
print(r)
print(repr(OrderedDict()), OrderedDict(b=1, a=2))
red = OrderedDict(k=1).__reduce__()
print(red[0].__name__, red[1], red[2], red[3], list(red[4]))


class Sub(OrderedDict):
    pass


s = Sub(a=1)
s.attr = "v"
print(s, s.copy(), type(Sub.fromkeys("ab")).__name__, s.__reduce__()[2])
print(s.setdefault("b", 2), s.pop("a"), s, list(s.keys()), list(s.items()))
