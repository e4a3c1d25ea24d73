class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.dyn_hello, getattr(d, "dyn_x"))
print(hasattr(d, "other"), getattr(d, "other", "fallback"))
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
l = Logged()
l.x = 5
l.s = "str"
print(l.x, l.s)
del l.x
print(hasattr(l, "x"))
class Frozen:
    __slots__ = ()
    def __setattr__(self, n, v):
        raise AttributeError("frozen")
try:
    Frozen().a = 1
except AttributeError as e:
    print("AttributeError:", e)
