def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a)
        r = fn(*a, **k)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(name):
    return "hi " + name
print(hi("x"))
def tag(t):
    def deco(fn):
        def w():
            return f"<{t}>{fn()}</{t}>"
        return w
    return deco
@tag("b")
@tag("i")
def text():
    return "word"
print(text())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def one(): pass
@register
def two(): pass
print(registry, one() is None)
class Cls:
    def __repr__(self):
        return "Cls()"
    @trace
    def method(self, x):
        return x * 2
Cls().method(21)
