# partialmethod: binding to instances and classes, nesting, repr and errors.
from functools import partialmethod, partial


class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, value, note=""):
        self.state = (value, note)
        return self

    set_on = partialmethod(set_state, True)
    set_off = partialmethod(set_state, False, note="off")
    set_on_loud = partialmethod(set_on, note="loud")

    @classmethod
    def make(cls, a, b):
        return (cls.__name__, a, b)

    make_one = partialmethod(make, 1)

    @staticmethod
    def stat(a, b):
        return ("static", a, b)

    stat_one = partialmethod(stat, 1)


c = Cell()
print(c.set_on().state, c.set_off().state, c.set_on_loud().state)
print(c.set_on(note="n").state)
print(Cell.make_one(2), c.make_one(3))
print(c.stat_one(2), Cell.stat_one(3))
print(Cell.set_on(c).state)
pm = Cell.__dict__["set_on_loud"]
print(pm.func is Cell.set_state, pm.args, pm.keywords)
print(repr(Cell.__dict__["set_off"]).startswith("functools.partialmethod(<function Cell.set_state at "))
print(repr(Cell.__dict__["set_off"]).endswith(">, False, note='off')"))
print(repr(partialmethod(len)))
print(type(c.make_one).__name__, isinstance(c.set_on, partial) or callable(c.set_on))
print(pm.__isabstractmethod__)
try:
    partialmethod(5)
except TypeError as e:
    print("TypeError:", e)
