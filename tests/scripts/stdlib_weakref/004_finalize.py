# finalize and WeakMethod.
import weakref

class Thing:
    def method(self): return "called"

def report(*args, **kwargs):
    print("finalizer", args, sorted(kwargs.items()))
    return "result"

t = Thing()
f = weakref.finalize(t, report, 1, 2, key="v")
def masked(fin):
    # Hide addresses: keep the text around each "0x...".
    words = repr(fin).replace(">", " >").split()
    return " ".join("ADDR" if w.startswith("0x") else w for w in words)

print(f.alive, f.atexit, f.peek()[0] is t, f.peek()[1] is report, f.peek()[2:])
print(masked(f))
del t
print(f.alive, f.peek(), f.detach(), f(), f.atexit)
print(masked(f))

t = Thing()
g = weakref.finalize(t, report, "direct")
print(g(), g(), g.alive)
del t

t = Thing()
h = weakref.finalize(t, report, "never")
det = h.detach()
print(det[0] is t, det[2:], h.alive, h.detach())
del t

t = Thing()
weakref.finalize(t, report, "dropped handle")
del t

try:
    weakref.finalize(1, report)
except TypeError as e:
    print("TypeError:", e)

keep = Thing()
e = weakref.finalize(keep, report, "at exit, second")
e2 = weakref.finalize(keep, report, "at exit, first")
skip = weakref.finalize(keep, report, "skipped")
skip.atexit = False
print(skip.atexit, e.atexit)

# WeakMethod
class Owner:
    def meth(self): return "meth of %s" % self.name
    def __init__(self, name): self.name = name

o = Owner("o")
wm = weakref.WeakMethod(o.meth, lambda r: print("method died", r is wm))
print(wm()(), wm() == o.meth, isinstance(wm, weakref.ref))
print(wm == weakref.WeakMethod(o.meth), wm != weakref.WeakMethod(o.meth))
print(wm == weakref.WeakMethod(Owner("p").meth))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
del o
print(wm())
print("end of script")
