# Everyday typing under PEP 563: Generic classes, NamedTuple (class and
# functional forms), dataclasses with ClassVar/Optional, overload, hints.
from __future__ import annotations
from typing import Generic, TypeVar, NamedTuple, Optional, Callable, Iterator, Protocol, ClassVar, Final, Literal, overload, TYPE_CHECKING, get_type_hints, Dict, List, Union, Any
import dataclasses
T = TypeVar('T')
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int]()
s.push(3)
print(s.items, Stack[int], get_type_hints(Stack.push))
class P(NamedTuple):
    x: int
    y: float = 0.0
    def norm(self) -> float: return abs(self.x) + abs(self.y)
p = P(1)
print(p, p.norm(), P._fields, P.__annotations__, get_type_hints(P))
Q = NamedTuple('Q', [('a', int), ('b', str)])
print(Q(1, 'x'), Q.__annotations__)
@dataclasses.dataclass
class D:
    a: int
    b: list[int] = dataclasses.field(default_factory=list)
    c: ClassVar[int] = 3
    d: Optional[str] = None
print(D(1), [f.name for f in dataclasses.fields(D)], get_type_hints(D))
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(1), TYPE_CHECKING)
def g(cb: Callable[[int], str], it: Iterator[int] | None = None) -> Dict[str, List[int]]: ...
print(get_type_hints(g))
print(Union[int, str] | None, Optional[int] == (int | None), Any | None)
