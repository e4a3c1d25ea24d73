# singledispatchmethod on instance, class and static methods.
from functools import singledispatchmethod


class Formatter:
    def __init__(self, prefix):
        self.prefix = prefix

    @singledispatchmethod
    def fmt(self, arg):
        return self.prefix + "?" + repr(arg)

    @fmt.register
    def _(self, arg: int):
        return self.prefix + "int " + str(arg)

    @fmt.register(list)
    def _(self, arg):
        return self.prefix + "list of " + str(len(arg))

    @singledispatchmethod
    @classmethod
    def kind(cls, arg):
        return cls.__name__ + " other"

    @kind.register
    @classmethod
    def _(cls, arg: str):
        return cls.__name__ + " str"

    @singledispatchmethod
    @staticmethod
    def plain(arg):
        return "plain"

    @plain.register(float)
    @staticmethod
    def _(arg):
        return "float"


f = Formatter("> ")
print(f.fmt(3), f.fmt([1, 2]), f.fmt("x"), f.fmt(True))
print(Formatter.kind("s"), Formatter.kind(1), f.kind("t"))
print(Formatter.plain(1.0), f.plain(1))
print(Formatter.fmt.__name__, f.fmt.__isabstractmethod__)
try:
    singledispatchmethod(5)
except TypeError as e:
    print("TypeError:", e)
