# Weak references to objects in unreachable cycles are cleared before any
# finalizer runs, and the callbacks of weakrefs that outlive their referent
# run first (CPython's handle_weakrefs), then __del__; a weakref that is
# itself garbage calls no callback.
import gc
import weakref

gc.collect()
gc.disable()
log = []


class Fin:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        log.append(f"del {self.name}, weakref alive: {self.ref() is not None}")


f = Fin("a")
f.ref = weakref.ref(f)  # a weakref inside the cycle, without callback
r = weakref.ref(f, lambda wr: log.append(f"callback, referent {wr()}"))
del f
gc.collect()
print(log)
print(r())
log.clear()

# A weakref that is garbage itself: its callback never runs.
class Plain:
    pass


p = Plain()
p.me = p
p.ref = weakref.ref(p, lambda wr: log.append("garbage callback"))
del p
gc.collect()
print(log)

# Several weakrefs with callbacks to one object: most recent first.
p = Plain()
p.me = p
refs = [weakref.ref(p, lambda wr, i=i: log.append(f"cb {i}")) for i in range(3)]
del p
gc.collect()
print(log)
log.clear()

# A resurrected object has lost its weak references already, as in CPython.
saved = []


class Phoenix:
    def __init__(self):
        self.me = self

    def __del__(self):
        saved.append(self)


ph = Phoenix()
wr = weakref.ref(ph, lambda w: log.append("phoenix callback"))
del ph
gc.collect()
print(len(saved), wr(), log)
saved.clear()
gc.collect()
print(log)

# A generator in a cycle: callback first, then its finally.
def gen(holder):
    try:
        yield 1
    finally:
        log.append("finally")


class Holder:
    pass


h = Holder()
h.g = gen(h)
next(h.g)
w = weakref.ref(h.g, lambda x: log.append("generator callback"))
del h
gc.collect()
print(log)
print(gc.garbage)
gc.enable()
