# __del__ and weakref callbacks of objects in unreachable cycles run during
# the collection, once; a finalizer may resurrect its object.
import gc
import weakref

gc.collect()
log = []

class Fin:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        log.append("del " + self.name)

f = Fin("a")
del f
print(gc.collect() >= 1)
print(log)
print(gc.collect())

# Weakref callbacks run when the referent dies in a collection.
class Plain:
    pass

p = Plain()
p.me = p
r = weakref.ref(p, lambda ref: log.append("weakref callback"))
del p
gc.collect()
print(log)
print(r())

# Resurrection: __del__ stores the object; it stays alive and __del__ does
# not run again.
saved = []

class Phoenix:
    def __init__(self):
        self.me = self

    def __del__(self):
        log.append("phoenix del")
        saved.append(self)

ph = Phoenix()
del ph
gc.collect()
print(len(saved), saved[0].me is saved[0], gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print(log.count("phoenix del"))

# An object made during a finalizer lands in the young generation.
made = []

class Maker:
    def __init__(self):
        self.me = self

    def __del__(self):
        made.append([1, 2, 3])

m = Maker()
del m
gc.collect()
print(made, any(o is made[0] for o in gc.get_objects(0)))
