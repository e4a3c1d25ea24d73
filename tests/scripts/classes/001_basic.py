class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.dist2())
p.move(1, 1).move(1, 1)
print(p.x, p.y)
print(type(p).__name__, p.__class__.__name__, isinstance(p, Point))
print(sorted(p.__dict__.items()))
p.z = 9
print(sorted(vars(p)))
q = Point(0, 0)
print(hasattr(q, "z"), Point.__name__)
