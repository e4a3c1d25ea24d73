class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
g = Grid()
g[1, 2] = "a"
g["k"] = "b"
print(g[1, 2], g[0, 0])
print((1, 2) in g, (5, 5) in g, len(g))
del g["k"]
print(len(g))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())
for v in Seq():
    print("seq", v)
class Sliced:
    def __getitem__(self, k):
        return type(k).__name__, k.start, k.stop, k.step
print(Sliced()[1:5:2], Sliced()[::-1])
