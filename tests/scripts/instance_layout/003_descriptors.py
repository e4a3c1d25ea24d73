# Class attributes, data and non-data descriptors, properties: which wins
# over an instance attribute.
class NonData:
    def __get__(self, obj, owner):
        return "nondata"


class Data:
    def __get__(self, obj, owner):
        return "data"

    def __set__(self, obj, value):
        print("Data.__set__", value)

    def __delete__(self, obj):
        print("Data.__delete__")


class C:
    cls_attr = "class"
    nd = NonData()
    dd = Data()

    def __init__(self):
        self.inst = 1

    @property
    def prop(self):
        return self.inst * 10

    @prop.setter
    def prop(self, v):
        self.inst = v

    def method(self):
        return "method"


c = C()
print(c.cls_attr, c.nd, c.dd, c.prop, c.method())
c.cls_attr = "shadowed"
c.nd = "inst wins"
c.dd = "goes to __set__"
c.prop = 7
print(c.cls_attr, C.cls_attr, c.nd, c.dd, c.prop, vars(c))
del c.dd
del c.cls_attr
print(c.cls_attr)
c.method = lambda: "instance method"
print(c.method())
del c.method
print(c.method())
try:
    del c.prop
except AttributeError as e:
    print("AttributeError:", e)

# A method shadowed by an instance attribute inside a loop (call sites cache).
class Shape:
    def area(self):
        return 1


shapes = [Shape() for _ in range(6)]
shapes[3].area = lambda: 99
print([s.area() for s in shapes])
for s in shapes:
    s.area = lambda: 5
print([s.area() for s in shapes])

# Class attribute changed after instances were made: the caches see it.
class K:
    x = 1


ks = [K() for _ in range(3)]
out = []
for i in range(6):
    if i == 3:
        K.x = 2
    out.append(ks[0].x)
print(out)
ks[1].x = "own"
K.x = property(lambda self: "prop now")
print([k.x for k in ks])
del K.x
print([getattr(k, "x", "missing") for k in ks])
