from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], len(p), p == (1, 2), tuple(p))
x, y = p
print(x + y)
print(p._replace(x=10), p, p._asdict(), Point._fields)
print(Point._make([5, 6]), Point(y=3, x=4))
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(1, 2), Color(1, 2, 3))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
class P3(namedtuple("P3", "a b c")):
    def total(self):
        return self.a + self.b + self.c
print(P3(1, 2, 3).total(), P3(1, 2, 3))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(isinstance(p, tuple), type(p).__name__, hash(p) == hash((1, 2)))
