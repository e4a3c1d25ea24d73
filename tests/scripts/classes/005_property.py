class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        print("get radius")
        return self._r
    @radius.setter
    def radius(self, value):
        print("set radius", value)
        if value < 0:
            raise ValueError("negative radius")
        self._r = value
    @radius.deleter
    def radius(self):
        print("del radius")
        del self._r
    @property
    def area(self):
        return round(3.14159 * self._r ** 2, 3)
c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.area)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError:", e)
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError")
del c.radius
print(hasattr(c, "_r"))
class Old:
    def _get(self): return 42
    x = property(_get, doc="the answer")
print(Old().x, type(Old.__dict__["x"]).__name__)
