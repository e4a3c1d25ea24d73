# Abstract methods block instantiation until every one is overridden.
import abc

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @abc.abstractmethod
    def name(self): ...
    @property
    @abc.abstractmethod
    def sides(self): ...
    def describe(self):
        return "%s with area %s" % (self.name(), self.area())

print(sorted(Shape.__abstractmethods__))
for cls in (Shape,):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

class Half(Shape):
    def area(self): return 1
    def name(self): return "half"

print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print("TypeError:", e)

class Square(Half):
    sides = 4
    def area(self): return 4

print(Square.__abstractmethods__, Square().describe(), Square().sides)

class Legacy(metaclass=abc.ABCMeta):
    @abc.abstractclassmethod
    def make(cls): ...
    @abc.abstractstaticmethod
    def helper(): ...
    @abc.abstractproperty
    def value(self): ...

print(sorted(Legacy.__abstractmethods__))
print(abc.abstractclassmethod.__isabstractmethod__, abc.abstractproperty.__isabstractmethod__)

class Concrete(Legacy):
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(): return "help"
    value = 7

c = Concrete.make()
print(type(c).__name__, c.helper(), c.value, Concrete.__abstractmethods__)

def f(): pass
print(abc.abstractmethod(f) is f, f.__isabstractmethod__)
print(isinstance(abc.ABC, abc.ABCMeta), abc.ABC.__slots__, type(Shape) is abc.ABCMeta)

# update_abstractmethods after changing a class by hand
class Later(abc.ABC):
    def run(self): return "ran"
def run(self): ...
Later.run = abc.abstractmethod(run)
print(sorted(abc.update_abstractmethods(Later).__abstractmethods__))
try:
    Later()
except TypeError as e:
    print("TypeError:", e)
Later.run = lambda self: "again"
abc.update_abstractmethods(Later)
print(Later.__abstractmethods__, Later().run())

class Plain:
    pass
print(abc.update_abstractmethods(Plain) is Plain, hasattr(Plain, "__abstractmethods__"))

# A namespace handed to ABCMeta directly is not modified.
ns = {"x": 1}
Made = abc.ABCMeta("Made", (), ns)
print(sorted(ns), Made.x, Made.__abstractmethods__)

# Two bases: an abstract name is resolved through the real MRO.
class Left(abc.ABC):
    @abc.abstractmethod
    def go(self): ...
class Right:
    def go(self): return "right"
class Both(Right, Left):
    pass
class Neither(Left, Right):
    pass
print(Both.__abstractmethods__, Both().go(), sorted(Neither.__abstractmethods__))
