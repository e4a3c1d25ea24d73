# Virtual subclasses, __subclasshook__, caches and the cache token.
import abc

class Drawable(abc.ABC):
    pass

class Circle:
    pass

token = abc.get_cache_token()
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
print(Drawable.register(Circle) is Circle)
print(abc.get_cache_token() - token)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
print(Drawable.register(Circle) is Circle, abc.get_cache_token() - token)

@Drawable.register
class Square:
    pass
print(Square.__name__, issubclass(Square, Drawable), abc.get_cache_token() - token)

class Sub(Circle):
    pass
print(issubclass(Sub, Drawable), isinstance(Sub(), Drawable))

# Registering with a subclass makes it a subclass of the parent too, even
# after the parent cached a "no".
class Child(Drawable):
    pass
class Late:
    pass
print(issubclass(Late, Drawable))
Child.register(Late)
print(issubclass(Late, Drawable), issubclass(Late, Child))

# Errors
for bad in (1, "x", Circle()):
    try:
        Drawable.register(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    Circle.register
except AttributeError as e:
    print("AttributeError:", e)
try:
    abc.ABCMeta.register(Circle, Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print("TypeError:", e)

# __subclasshook__
class HasLen(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented

print(issubclass(list, HasLen), issubclass(int, HasLen), isinstance("s", HasLen))

class Sized2(HasLen):
    pass
print(issubclass(list, Sized2), issubclass(Sized2, HasLen))

class Odd(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, Odd)
except AssertionError as e:
    print("AssertionError:", e)

class Never(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False
class NeverChild(Never):
    pass
print(issubclass(NeverChild, Never), issubclass(int, Never))

# An object that claims a different __class__.
class Proxy:
    @property
    def __class__(self):
        return Circle
print(isinstance(Proxy(), Drawable))

# Clearing the registry and caches.
class Reg(abc.ABC):
    pass
class Guest:
    pass
Reg.register(Guest)
class GuestChild(Guest):
    pass
print(issubclass(Guest, Reg), issubclass(GuestChild, Reg))
Reg._abc_registry_clear()
print(issubclass(Guest, Reg))
Reg._abc_caches_clear()
print(issubclass(Guest, Reg))

# A metaclass deriving from ABCMeta
class Meta(abc.ABCMeta):
    def __subclasscheck__(cls, sub):
        print("checking", sub.__name__)
        return super().__subclasscheck__(sub)
class Base(metaclass=Meta):
    pass
print(issubclass(int, Base), isinstance(Base(), Base))
