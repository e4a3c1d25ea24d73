# Calls the eval loop runs without a nested loop: plain functions,
# recursion through them, class instantiation with an __init__ of any shape
# (super(), defaults, keywords, *args, cells), errors in binding, and the
# recursion limit reached through __init__.
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print(ack(2, 3))


class Base:
    def __init__(self, name, *extra, tag="t", **kw):
        self.name = name
        self.extra = extra
        self.tag = tag
        self.kw = kw


class Mid(Base):
    def __init__(self, a, b=2):
        super().__init__("mid", a, b, tag="m")
        self.sum = a + b


class Leaf(Mid):
    def __init__(self, a):
        super().__init__(a)
        captured = a

        def get():
            return captured

        self.get = get


for i in range(3):
    x = Leaf(i)
    print(x.name, x.extra, x.tag, x.kw, x.sum, x.get())
print(Mid(5, b=7).sum, Base("n", 1, 2, z=3).kw)


class Bad:
    def __init__(self, a, b):
        self.a = a


for args in [(1,), (1, 2, 3)]:
    try:
        Bad(*args)
    except TypeError as e:
        print("TypeError:", e)


class ReturnsValue:
    def __init__(self):
        super().__init__()
        return 5


try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


def depth(o):
    d = 0
    while o is not None:
        o = o.child
        d += 1
    return d


print(depth(Deep(50)))
sys.setrecursionlimit(200)
try:
    Deep(1000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)


# Generators and their frames at call sites warmed on plain functions.
def gen(n):
    for i in range(n):
        yield i * i


def plain(n):
    return [n]


def call_it(f, n):
    return f(n)


print([call_it(plain, i) for i in range(3)], list(call_it(gen, 4)), list(call_it(gen, 2)))


class GenInit:
    def __init__(self):
        self.g = (i for i in range(3))


print(list(GenInit().g))


# A class whose __new__ is not object's keeps its own protocol.
class WithNew:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.from_new = v
        return o

    def __init__(self, v):
        self.from_init = v * 2


w = WithNew(4)
print(w.from_new, w.from_init)


# Tracebacks through calls run in the same loop show every frame.
def level3():
    raise ValueError("deep")


class Level2:
    def __init__(self):
        level3()


def level1():
    return Level2()


try:
    level1()
except ValueError as e:
    import traceback

    print([entry.name for entry in traceback.extract_tb(e.__traceback__)])
