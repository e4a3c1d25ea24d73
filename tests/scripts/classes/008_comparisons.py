class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print("eq", self.n, o.n)
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
    def __le__(self, o):
        return self.n <= o.n
    def __gt__(self, o):
        return self.n > o.n
    def __ge__(self, o):
        return self.n >= o.n
    def __repr__(self):
        return f"V{self.n}"
a, b = V(1), V(2)
print(a == b, a != b)
print(a < b, a <= b, a > b, a >= b)
print(sorted([V(3), V(1), V(2)]))
print(max([V(5), V(9), V(7)]), min(V(4), V(2)))
class OnlyLt:
    def __init__(self, n): self.n = n
    def __lt__(self, o): return self.n < o.n
print(OnlyLt(2) > OnlyLt(1))
class NoCmp: pass
try:
    NoCmp() < NoCmp()
except TypeError as e:
    print("TypeError:", e)
x = NoCmp()
print(x == x, x != x, x == NoCmp())
class NotImpl:
    def __eq__(self, o):
        return NotImplemented
print(NotImpl() == 1)
