# __dict__ made on request, then shared with attribute access both ways.
class C:
    def __init__(self):
        self.a = 1
        self.b = 2


c = C()
d = c.__dict__
print(d, d is c.__dict__, d is vars(c))
d["c"] = 3
print(c.c)
c.e = 5
print(d)
del d["a"]
print(hasattr(c, "a"), d)
d[1] = "int key"
print(vars(c))
d.clear()
print(vars(c), hasattr(c, "b"))
c.x = 9
print(vars(c), c.x)

# __dict__ assignment replaces every attribute.
c2 = C()
c2.__dict__ = {"p": 1, "q": 2}
print(c2.p, c2.q, hasattr(c2, "a"), vars(c2))
nd = {"z": 26}
c2.__dict__ = nd
c2.y = 25
print(nd, vars(c2) is nd)
try:
    c2.__dict__ = [1, 2]
except TypeError as e:
    print("TypeError:", e)
try:
    del c2.__dict__
except TypeError as e:
    print("TypeError:", e)

# A dict subclass as __dict__, and a non-str key left there.
class D(dict):
    pass


c3 = C()
c3.__dict__ = D(k=1)
print(type(c3.__dict__).__name__, c3.k)

# vars() of an instance after many instances used the inline store.
objs = [C() for _ in range(10)]
for i, o in enumerate(objs):
    o.a = i
print([vars(o)["a"] for o in objs], vars(objs[5]))
objs[2].__dict__["b"] = "changed"
print(objs[2].b, objs[3].b)

# setattr / getattr with names that are not identifiers.
o = C()
setattr(o, "with space", 1)
setattr(o, "", 2)
setattr(o, "1x", 3)
print(getattr(o, "with space"), getattr(o, ""), getattr(o, "1x"), vars(o))
try:
    setattr(o, 5, 1)
except TypeError as e:
    print("TypeError:", e)
class S(str):
    pass
setattr(o, S("sub"), 4)
print(o.sub, [type(k).__name__ for k in vars(o)])
name = "".join(["dyn", "amic"])
setattr(o, name, 7)
print(o.dynamic, getattr(o, "dyn" + "amic"))
delattr(o, "dynamic")
print(hasattr(o, "dynamic"))
