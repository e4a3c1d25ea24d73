# PEP 563: annotations of functions, classes and the module are strings,
# so names used in them need not exist when the definition runs.
from __future__ import annotations

x: int = 1
y: list[Undefined]
print(__annotations__)


class Tree:
    left: Tree | None = None
    right: Tree | None
    value: int = 0

    def insert(self, other: Tree) -> Tree:
        return self

    def items(self) -> Iterator[tuple[int, Tree]]:
        yield self.value, self


print(Tree.__annotations__)
print(Tree.insert.__annotations__)
print(Tree.items.__annotations__)
print(Tree.left, hasattr(Tree, "right"))


def outer():
    class Local:
        a: NotDefinedAnywhere[int]
        b: int = 2
    z: Undefined = 5  # a local annotation is never evaluated
    return Local, z


L, z = outer()
print(L.__annotations__, z)


def g(a: undefined_name, *, b: another = 1) -> third:
    return a


print(g.__annotations__, g(4))
lam = lambda a, b=2: a + b
print(lam.__annotations__)


# Complex targets: the annotation is not evaluated, and nothing is recorded.
class Box:
    pass


box = Box()
box.attr: Nowhere = 3
d = {}
d["k"]: Nowhere = 4
print(box.attr, d, "attr" in __annotations__)

import __future__
print(__future__.annotations.compiler_flag == 0x1000000)
print(g.__code__.co_flags & 0x1000000 != 0)
