print(type(1), type("a"), type([]), type(None), type(type))
class A:
    x = 1
B = type("B", (A,), {"y": 2, "hello": lambda self: "hi from B"})
b = B()
print(B.__name__, B.__bases__[0].__name__, b.x, b.y, b.hello(), isinstance(b, A))
print(type(b) is B, type(B).__name__)
C = type("C", (), {})
print(C.__name__, [k.__name__ for k in C.__mro__])
print(isinstance(1, int), isinstance(1, (str, int)), issubclass(B, A), issubclass(A, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
a1, a2 = A(), A()
print(id(a1) == id(a1), id(a1) != id(a2), type(id(a1)).__name__)
print(callable(A), callable(a1), callable(len), callable(lambda: 0), callable("s"))
