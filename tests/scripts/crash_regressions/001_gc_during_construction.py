# A cycle collection must never start while a new object is still being
# built: with a threshold of 1 every allocation is due for one, and a set
# whose table was not set up yet used to be traversed (a crash).
import gc

gc.set_threshold(1)
total = 0
for i in range(3000):
    s = set()
    f = frozenset([i, i + 1])
    d = {i: s, "f": f}
    t = (s, f, d)
    class X:
        pass
    x = X()
    x.a = t
    x.self = x
    total += len(f) + len(d) + len(t)
print(total)
gc.set_threshold(700)
print(gc.collect() >= 0)
