import gc
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
o = Obj("target")
r = weakref.ref(o)
print(r() is o, r().name)
del o
gc.collect()
print(r() is None)
class Cyc:
    pass
a, b = Cyc(), Cyc()
a.other, b.other = b, a
wa = weakref.ref(a)
del a, b
print(wa() is not None or True)
gc.collect()
print(wa() is None)
