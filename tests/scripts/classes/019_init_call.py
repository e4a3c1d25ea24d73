# Calling a class whose __init__ is a Python function: the instance, the
# None check, errors inside __init__, argument errors, recursion, and the
# cases that must keep the generic path (metaclass __call__, __new__).
class A:
    def __init__(self, x, y=2):
        self.x = x; self.y = y
a = A(1); print(a.x, a.y, A(3, 4).y)
class B:
    def __init__(self):
        return 5
try:
    B()
except TypeError as e:
    print("TypeError:", e)
class C:
    def __init__(self, n):
        if n > 0: raise ValueError("bad %d" % n)
try:
    C(1)
except ValueError as e:
    print(e)
print(type(C(0)).__name__)
def rec(n):
    class R:
        def __init__(self, k):
            self.k = k if k == 0 else R(k - 1).k + 1
    return R(n).k
print(rec(50))
class M(type):
    def __call__(cls, *a):
        return "meta"
class D(metaclass=M):
    def __init__(self): pass
print(D())
import sys
sys.setrecursionlimit(100)
class E:
    def __init__(self): E()
try:
    E()
except RecursionError as e:
    print("RecursionError", e)
try:
    A()
except TypeError as e:
    print(e)
try:
    A(1,2,3)
except TypeError as e:
    print(e)
class F:
    def __init__(self, a):
        self.a = a
class G(F): pass
print(G(7).a)
B2 = type("B2", (), {"__init__": lambda self, v: setattr(self, "v", v)})
print(B2(9).v)
class N:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.made_by_new = v
        return o
    def __init__(self, v):
        self.v = v * 2
n = N(4)
print(n.made_by_new, n.v)
class Abstractish:
    def __init__(self, *args, **kw):
        self.args = args; self.kw = kw
print(Abstractish(1, 2, k=3).args, Abstractish(k=1).kw)
def deep():
    class Boom:
        def __init__(self):
            raise KeyError("inside")
    return Boom()
try:
    deep()
except KeyError as e:
    names, tb = [], e.__traceback__
    while tb is not None:
        names.append(tb.tb_lineno)
        tb = tb.tb_next
    print(names)
class Z:
    def __init__(self):
        return None
print(type(Z()).__name__)
