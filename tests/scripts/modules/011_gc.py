import gc
print(type(gc.collect()).__name__)
class Node:
    def __init__(self):
        self.other = None
for i in range(1000):
    a, b = Node(), Node()
    a.other, b.other = b, a
n = gc.collect()
print(type(n).__name__, n >= 0)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.collect() >= 0)
