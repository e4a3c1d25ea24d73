class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        print("iadd", x)
        self.items.append(x)
        return self
    def __add__(self, x):
        print("add", x)
        n = Acc()
        n.items = self.items + [x]
        return n
a = Acc()
orig = a
a += 1
a += 2
print(a.items, a is orig)
b = a + 3
print(b.items, b is a)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
class Mul:
    def __init__(self, v): self.v = v
    def __imul__(self, k):
        self.v *= k
        return self
m = Mul(3)
m *= 4
print(m.v)
