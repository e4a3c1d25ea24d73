# Weak references, the cycle collector through inline attributes, repr.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


class Watched:
    pass


dead = []
a = Node("a")
b = Node("b")
a.other = b
b.other = a
wa = weakref.ref(a, lambda r: dead.append("a"))
wb = weakref.ref(b)
print(wa() is a, wb().name)
del a, b
gc.collect()
print(wa(), wb(), dead)

# A cycle through an instance whose attributes went to a dict.
n = Node("n")
n.__dict__["self"] = n
w = weakref.ref(n)
del n
gc.collect()
print(w())

# A cycle through many inline attributes of many objects.
ring = [Node(str(i)) for i in range(100)]
for i, node in enumerate(ring):
    node.other = ring[(i + 1) % 100]
    node.extra = [node]
refs = [weakref.ref(x) for x in ring[::10]]
del ring, node
gc.collect()
print(sum(r() is None for r in refs))

print(gc.is_tracked(Node("t")))


class R:
    def __init__(self):
        self.v = 1


r = R()
text = repr(r)
print(text.startswith("<__main__.R object at 0x"), text.endswith(">"))


class WithRepr:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"WithRepr(v={self.v})"


print(WithRepr(3), [WithRepr(i) for i in range(2)])
print(sorted(k for k in dir(R()) if not k.startswith("__")))
rr = R()
rr.extra = 1
print([k for k in dir(rr) if not k.startswith("__")])


class Fin:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


f = Fin("one")
f.me = f
del f
gc.collect()
print("end")
