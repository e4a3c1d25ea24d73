# Calling a builtin's dunder directly goes through its slot wrapper, which
# must take what CPython's takes and word its errors the same: __pow__ and
# __rpow__ accept a modulus (three-argument pow), and the argument-count and
# keyword errors follow CPython's two spellings.


def show(src):
    try:
        print(src, "->", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)


for src in [
    "(2).__pow__(10, 7)", "(2).__pow__(10)", "(2).__pow__(10, None)", "(3).__rpow__(2, 5)",
    "(10).__rpow__(2)", "(2).__pow__(-1, 7)", "(2).__pow__(2, 0)", "int.__pow__(2, 3, 5)",
    "True.__pow__(2, 3)", "(2**100).__pow__(3, 10**9 + 7)", "int.__pow__(2, 3.0, 5)",
    "(2).__pow__(2, 5.0)", "(2).__rpow__(2.0, 5)", "(2.0).__pow__(2, 5)", "(2.0).__pow__('a', 5)",
    "(2.5).__rpow__(2, 3)", "(1+2j).__pow__(2, 3)", "(2).__rpow__(3, 0)",
    "(2).__pow__()", "(2).__pow__(1, 2, 3)", "(2).__pow__(x=1)", "(2).__pow__(2, 3, x=4)",
    "(1).__add__()", "(1).__add__(1, 2)", "(1).__add__(x=1)", "(1).__neg__(2)",
    "(1).__neg__(x=2)", "[].__len__(1)", "[].__getitem__()", "dict.__getitem__({}, 1, 2)",
    "''.__getitem__()", "(1,).__getitem__()", "[].__setitem__(1)", "[].__setitem__(0, 1, 2)",
    "[].__delitem__()", "object().__setattr__('x')", "object().__delattr__()",
    "object().__getattribute__()", "object().__getattribute__(1)",
    "object().__getattribute__('a', 2)", "int.__add__()", "int.__add__('a', 1)",
    "property().__get__()", "property().__get__(1, 2, 3)", "property().__get__(None)",
    "property().__get__(None, None)", "property(lambda s: 1).__get__(3)",
    "property().__set__(1)", "property().__delete__()", "int.__new__()", "int.__new__(1)",
    "int.__new__(str)", "[].__iadd__()", "[].__imul__(1, 2)", "[].__iadd__(x=1)",
    "(1).__add__.__call__()", "(1).__sub__(*[])", "object().__eq__()", "object().__ne__(1, 2)",
]:
    show(src)


class Mod(int):
    pass


print(pow(Mod(3), 4, 5), Mod(3).__pow__(4, 5), type(Mod(3).__pow__(4, 5)).__name__)
