class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2)
print(-a, +a, abs(b), a @ b, a == Vec(1, 2))
print(sum([a, b, Vec(10, 10)]))
try:
    a + 1
except AttributeError as e:
    print("AttributeError")
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
