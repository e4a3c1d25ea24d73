# Code compiled by exec/eval/compile inherits `from __future__ import
# annotations` from the module calling them, unless dont_inherit is set.
from __future__ import annotations
import __future__

ns = {}
exec("def f(a: Missing) -> list[Missing]: pass", ns)
print(ns["f"].__annotations__)
try:
    exec(compile("def g(a: Missing): pass", "<s>", "exec", dont_inherit=True), {})
except NameError as e:
    print("NameError", e)
print(eval("lambda: 0").__code__.co_flags & __future__.CO_FUTURE_ANNOTATIONS != 0)


class Node:
    children: list[Node]
    parent: Node | None = None

    def add(self, child: Node) -> None:
        self.children.append(child)


print(Node.__annotations__, Node.add.__annotations__)
import typing
print(typing.get_type_hints(Node.add))
print(typing.get_type_hints(Node))
