class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest):
        return self.n + x + sum(rest)
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [0, 10])))
class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
print(bool(Box([])), bool(Box([1])), len(Box("abc")))
if not Box([]):
    print("empty box is falsy")
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
print(bool(Flag(True)), "yes" if Flag(False) else "no")
print(Flag(True) and "and-result", Flag(False) or "or-result")
class Neither: pass
print(bool(Neither()))
