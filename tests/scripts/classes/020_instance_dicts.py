# Instance attributes stored by __init__ and later: order in __dict__, names
# that come in another order, deleted and re-added, more than fit the first
# table, the same names on objects of other classes, and __dict__ replaced.
class Point:
    def __init__(self, x, y, z=None):
        if z is not None:
            self.z = z
        self.x = x
        self.y = y


class Many:
    def __init__(self, n):
        for i in range(n):
            setattr(self, f"a{i}", i)
        self.first = 1
        self.second = 2
        self.third = 3
        self.fourth = 4
        self.fifth = 5
        self.sixth = 6
        self.seventh = 7


pts = [Point(i, -i) for i in range(5)] + [Point(9, 8, 7)]
for p in pts:
    print(vars(p))

p = Point(1, 2)
del p.x
p.x = 10
print(vars(p), p.x, p.y)
p.x = 11
print(vars(p))

q = Point(3, 4)
q.__dict__ = {"y": 5}
q.x = 6
print(vars(q))
try:
    q.z
except AttributeError as e:
    print("AttributeError:", e)

for n in (0, 3, 12):
    m = Many(n)
    d = vars(m)
    print(len(d), list(d)[:3], list(d)[-3:], m.fourth, m.seventh)

class Other:
    def __init__(self):
        self.y = "y"
        self.x = "x"

objs = [Point(1, 2), Other(), Point(3, 4), Other()]
print([vars(o) for o in objs])


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

s = Slotted(1, 2)
s.x = 5
print(s.x, s.y)


class WithProperty:
    def __init__(self):
        self.x = 1
        self.value = 2

    @property
    def value(self):
        return self._v * 10

    @value.setter
    def value(self, v):
        self._v = v

w = WithProperty()
print(vars(w), w.value)
