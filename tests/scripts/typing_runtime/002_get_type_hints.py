# typing.get_type_hints: string annotations are evaluated in the right
# namespaces, None becomes NoneType, classes merge their MRO, and
# include_extras keeps Annotated.
from typing import (get_type_hints, Optional, List, Annotated, ForwardRef, ClassVar,
                    Union, Dict)
import typing


class Tree:
    left: "Tree"
    right: Optional["Tree"]
    items: List["int"]
    count: ClassVar[int] = 0


def f(a: "int", b: None, c: "List[Tree]" = None, d: int = None) -> "Optional[str]":
    pass


print(get_type_hints(Tree))
print(get_type_hints(f))
print(get_type_hints(f, include_extras=True) == get_type_hints(f))


def g(x: Annotated[int, "meta"], y: "Annotated[str, 1]") -> list["Tree"]:
    pass


print(get_type_hints(g))
print(get_type_hints(g, include_extras=True))


class Base:
    a: int
    b: "str"


class Child(Base):
    b: "bytes"
    c: "Dict[str, Child]"


print(get_type_hints(Child))


def uses_local():
    class Inner:
        x: "Local"

    class Local:
        pass
    try:
        get_type_hints(Inner)
    except NameError as e:
        print("NameError", e)
    print(get_type_hints(Inner, localns={"Local": Local}))


uses_local()


def bad(x: "undefined_name"):
    pass


try:
    get_type_hints(bad)
except NameError as e:
    print("NameError", e)
print(get_type_hints(bad, globalns={"undefined_name": float}))
try:
    get_type_hints(3)
except TypeError as e:
    print("TypeError", e)


def not_class_var(x: "ClassVar[int]"):
    pass


try:
    get_type_hints(not_class_var)
except TypeError as e:
    print("TypeError", e)
print(get_type_hints(typing.no_type_check(f)))
import sys
mod = sys.modules[__name__]
print(sorted(get_type_hints(mod)))
print(ForwardRef("int") == ForwardRef("int"), repr(ForwardRef("List[int]")))
print(get_type_hints(lambda: 0))
