# copy and deepcopy of the collections types.
import copy
from collections import (ChainMap, Counter, OrderedDict, UserDict, UserList,
                         UserString, defaultdict, deque, namedtuple)

P = namedtuple("P", "x y")
p = P([1], 2)
cp, dp = copy.copy(p), copy.deepcopy(p)
print(cp, cp is p, cp.x is p.x, type(cp).__name__, dp, dp.x is p.x)

dd = defaultdict(list, a=[1])
for fn in (copy.copy, copy.deepcopy):
    c = fn(dd)
    print(type(c).__name__, c.default_factory, dict(c), c["a"] is dd["a"])

q = deque([[1], 2], 5)
for fn in (copy.copy, copy.deepcopy):
    c = fn(q)
    print(c, c.maxlen, c[0] is q[0])

od = OrderedDict([("b", [1]), ("a", 2)])
for fn in (copy.copy, copy.deepcopy):
    c = fn(od)
    print(type(c).__name__, c, c["b"] is od["b"])

cnt = Counter("aab")
print(copy.copy(cnt), copy.deepcopy(cnt), type(copy.deepcopy(cnt)).__name__)

cm = ChainMap({"a": [1]}, {"b": 2})
c = copy.copy(cm)
print(c, c.maps[0] is cm.maps[0], c.maps[1] is cm.maps[1])
d = copy.deepcopy(cm)
print(d, d.maps[0]["a"] is cm.maps[0]["a"])

ud = UserDict(a=[1])
print(copy.copy(ud), copy.copy(ud).data is ud.data, copy.deepcopy(ud)["a"] is ud["a"])
ul = UserList([[1]])
print(copy.deepcopy(ul), copy.deepcopy(ul)[0] is ul[0])
us = UserString("s")
print(copy.copy(us), copy.deepcopy(us), type(copy.copy(us)).__name__)
