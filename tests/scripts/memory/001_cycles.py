import gc
class Node:
    def __init__(self, i):
        self.i = i
        self.peer = None
        self.data = [i]
def make_cycles(n):
    for i in range(n):
        a = Node(i)
        b = Node(i + 1)
        a.peer = b
        b.peer = a
        a.data.append(b)
make_cycles(200_000)
collected = gc.collect()
print(type(collected).__name__, collected >= 0)
def self_ref(n):
    for _ in range(n):
        l = []
        l.append(l)
        d = {}
        d["self"] = d
self_ref(100_000)
print(gc.collect() >= 0)
print("done")
