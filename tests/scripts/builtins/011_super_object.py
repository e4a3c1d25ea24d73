class Base:
    def __init__(self, v):
        print("Base.__init__", v)
        self.v = v
    def describe(self):
        return f"Base({self.v})"
    @classmethod
    def make(cls):
        return f"make {cls.__name__}"
class Mid(Base):
    def __init__(self, v):
        print("Mid.__init__")
        super().__init__(v * 2)
    def describe(self):
        return "Mid>" + super().describe()
    @classmethod
    def make(cls):
        return "Mid>" + super().make()
class Leaf(Mid):
    def describe(self):
        return "Leaf>" + super().describe()
l = Leaf(5)
print(l.describe(), Leaf.make())
print(super(Leaf, l).describe(), super(Mid, l).describe())
class Str(str):
    def __str__(self):
        return "custom:" + super().__str__()
print(str(Str("x")))
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
class K:
    def __eq__(self, other):
        return "eq"
    __hash__ = object.__hash__
print(K() == 1, hash(K()) is not None)
