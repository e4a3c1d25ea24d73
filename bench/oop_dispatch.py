# An object-oriented workload: a class hierarchy with inheritance, super()
# chains in __init__ and overridden methods called polymorphically, plus
# attribute reads and writes on the instances (compact instances and the
# per-site attribute caches).
class Shape:
    def __init__(self, name):
        self.name = name
        self.hits = 0

    def area(self):
        return 0

    def describe(self):
        self.hits += 1
        return self.area() + self.hits


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

    def describe(self):
        return super().describe() + 1


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Tri(Shape):
    def __init__(self, b, h):
        super().__init__("tri")
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2


def build(n):
    out = []
    for i in range(n):
        k = i % 4
        if k == 0:
            out.append(Rect(i % 7 + 1, i % 5 + 1))
        elif k == 1:
            out.append(Square(i % 9 + 1))
        elif k == 2:
            out.append(Circle(i % 6 + 1))
        else:
            out.append(Tri(i % 8 + 1, i % 3 + 1))
    return out


total = 0
for rnd in range(30):
    shapes = build(4000)
    for s in shapes:
        total += s.describe()
    for s in shapes[::3]:
        total += s.describe() - s.area()
print(total)
