# issubclass asks the metaclass's __subclasscheck__ (as isinstance asks
# __instancecheck__): custom metaclasses, abc registration, tuples, and the
# errors for arguments that are not classes.
import abc


class Anything(type):
    def __subclasscheck__(cls, sub):
        print("  subclasscheck", cls.__name__, getattr(sub, "__name__", sub))
        return sub is not int

class Loose(metaclass=Anything):
    pass

print(issubclass(str, Loose), issubclass(int, Loose), issubclass(Loose, Loose))
print(issubclass(str, (int, Loose)), issubclass(bool, (int, Loose)))
print(issubclass(3, Loose))   # the hook decides, even for a non-class


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

class Square(Shape):
    def area(self):
        return 4

class Circle:
    def area(self):
        return 3

print(issubclass(Square, Shape), issubclass(Circle, Shape), isinstance(Circle(), Shape))
Shape.register(Circle)
print(issubclass(Circle, Shape), isinstance(Circle(), Shape), issubclass(int, Shape))


class Raises(type):
    def __subclasscheck__(cls, sub):
        raise RuntimeError("no answer")

class R(metaclass=Raises):
    pass

for args in ((int, R), (3, int), (int, 3), (int, (int, 3)), (bool, (3, int))):
    try:
        print(issubclass(*args))
    except Exception as e:
        print(type(e).__name__, e)

class Plain:
    pass

print(issubclass(bool, int), issubclass(Plain, object), issubclass(object, Plain), type.__subclasscheck__(Loose, int))
