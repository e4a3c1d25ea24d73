# __del__ of objects in unreachable cycles runs during the collection,
# exactly once each, before anything of the cycle is cleared.
import gc

gc.collect()
gc.disable()
log = []


class Fin:
    def __init__(self, name):
        self.name = name
        self.data = [name] * 3

    def __del__(self):
        # The partner is intact: nothing has been cleared yet.
        other = self.partner
        log.append(f"del {self.name}: partner {other.name} data {other.data}")


a, b = Fin("a"), Fin("b")
a.partner, b.partner = b, a
del a, b
n = gc.collect()
print("collected at least 4:", n >= 4)
print(sorted(log))
log.clear()
print(gc.collect(), log)

# A long ring: every __del__ runs once.
ring = [Fin(str(i)) for i in range(10)]
for i, f in enumerate(ring):
    f.partner = ring[(i + 1) % 10]
del ring, f
gc.collect()
print(len(log), len(set(log)))
log.clear()


# A cycle of objects with and without __del__, a generator among them.
class Plain:
    pass


def gen(box):
    try:
        yield box
    finally:
        log.append("gen finally, box.fin.name=" + box.fin.name)


box = Plain()
box.fin = Fin("boxed")
box.fin.partner = box.fin
box.g = gen(box)
next(box.g)
del box
gc.collect()
print(sorted(log))
log.clear()

# An exception raised by __del__ is reported and does not stop the others.
class Bad:
    def __init__(self):
        self.me = self

    def __del__(self):
        log.append("bad del")
        raise ValueError("from __del__")


import sys, io
old = sys.stderr
sys.stderr = io.StringIO()
x = Bad()
y = Fin("after bad")
y.partner = y
del x, y
gc.collect()
err = sys.stderr.getvalue()
sys.stderr = old
print(sorted(log))
print("ValueError: from __del__" in err)
print(gc.garbage)
gc.enable()
