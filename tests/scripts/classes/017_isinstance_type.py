class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C))
print(issubclass(B, (C, A)), issubclass(B, B), issubclass(bool, int))
print(type(b) is B, type(b) is A, type(b) == B)
print(isinstance(True, int), isinstance(1, bool), isinstance(None, object))
print(isinstance(3, (str, float)), isinstance([], list), isinstance(A, type))
print(type(A).__name__, type(type).__name__, type(object).__name__)
print(object in B.__mro__, B.__mro__[-1].__name__)
print(isinstance("s", object), issubclass(int, object))
