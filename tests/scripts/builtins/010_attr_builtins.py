class P:
    cls_attr = "c"
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        return "m"
    def _private(self):
        pass
p = P()
print(getattr(p, "a"), getattr(p, "zz", "default"), getattr(p, "method")())
setattr(p, "c", 3)
print(p.c, hasattr(p, "c"), hasattr(p, "d"))
delattr(p, "c")
print(hasattr(p, "c"))
try:
    getattr(p, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(p, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(vars(p), sorted(vars(P).keys() & {"cls_attr", "method"}))
print([n for n in dir(p) if not n.startswith("__")])
print([n for n in dir(P) if not n.startswith("_")])
print("a" in dir(p), "method" in dir(P))
import math
print(vars(math) is math.__dict__, "sqrt" in dir(math))
