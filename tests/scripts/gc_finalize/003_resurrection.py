# PEP 442 resurrection: a finalizer may store its object (or the cycle)
# somewhere; the collector then leaves the cycle alive, and the finalizer
# does not run again when the object dies later.
import gc

gc.collect()
gc.disable()
log = []
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        log.append("del " + self.name)
        saved.append(self)


p = Phoenix("p")
del p
print("collected:", gc.collect())
print(log, len(saved), saved[0].me is saved[0], gc.is_finalized(saved[0]))

# Dropping it again: no second __del__, and this time it is freed.
saved.clear()
print("collected:", gc.collect() > 0)
print(log)
log.clear()

# Resurrecting one object keeps everything it refers to alive too.
class Keeper:
    def __init__(self):
        self.friends = [Phoenix("f1")]
        self.friends[0].keeper = self
        self.me = self

    def __del__(self):
        log.append("keeper del")
        saved.append(self)


k = Keeper()
del k
gc.collect()
print(sorted(log))
print(saved[0].friends[0].keeper is saved[0], saved[0].friends[0].name)
log.clear()
for s in saved:
    s.me = None
saved.clear()
gc.collect()
print(log)
log.clear()

# A generator resurrected by its own finally: closed once, never again.
def clinging(holder):
    try:
        yield 1
    finally:
        log.append("finally")
        saved.append(holder)


class Holder:
    pass


h = Holder()
h.gen = clinging(h)
next(h.gen)
del h
gc.collect()
print(log, len(saved), gc.is_finalized(saved[0].gen))
print(saved[0].gen.gi_frame is None)
saved.clear()
gc.collect()
print(log)

# Without a collection: dropping the last reference of a resurrected object
# does not call __del__ again either.
p = Phoenix("q")
p.me = None
del p
print(log[-1], len(saved))
q = saved.pop()
del q
print(log[-1])
print(gc.garbage)
gc.enable()
