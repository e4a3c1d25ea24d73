# Cycles among lists, dicts and class instances are found in the youngest
# generation that holds all of them, not before.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

gc.disable()
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print(gc.collect(0) >= 2)

l = []
l.append(l)
del l
print(gc.collect(0))

d = {}
d["self"] = d
del d
print(gc.collect())

# A young cycle held by an old object survives young collections.
old = []
gc.collect()
young = []
young.append(young)
old.append(young)
print(gc.collect(0), gc.collect(1))  # promoted to generation 1, then 2
del young
old.clear()
print(gc.collect(0), gc.collect(1))
print(gc.collect(2))

# Many cycles at once.
for i in range(1000):
    n = Node(i)
    n.other = n
del n
print(gc.collect() >= 1000)
gc.enable()
