# Annotated, Literal, ClassVar/Final, NewType, ForwardRef, TypedDict with
# Required/NotRequired, ParamSpec/Concatenate, cast and dataclass_transform.
import typing
from typing import *
print(repr(Annotated[int, "m"]), get_origin(Annotated[int, "m"]), get_args(Annotated[int, "m", 2]))
print(Annotated[Annotated[int, 1], 2], Annotated[int, 1].__metadata__, Annotated[int, 1].__origin__)
try: Annotated[int]
except TypeError as e: print(e)
print(Annotated[int, 1] == Annotated[int, 1], Annotated[int, 1] == Annotated[int, 2])
print(Literal[1, 2], Literal[1, 1], Literal[1, 2] == Literal[2, 1], get_args(Literal[1, "a"]), get_origin(Literal[1]))
print(get_origin(ClassVar[int]), get_args(Final[int]), get_origin(List), get_origin(Callable[[int], str]), get_args(Callable[[int], str]))
N = NewType("N", int)
print(N, N(3), N.__supertype__, N.__name__, type(N))
print(ForwardRef("Tree"), ForwardRef("x") == ForwardRef("x"))
try: ForwardRef("x y")
except SyntaxError as e: print("SyntaxError", e)
class M(TypedDict, total=False):
    a: int
    b: Required[str]
class M2(M):
    c: NotRequired[int]
    d: float
print(sorted(M.__required_keys__), sorted(M.__optional_keys__), M.__total__, sorted(M2.__required_keys__), sorted(M2.__optional_keys__))
print(M2.__annotations__)
print(get_type_hints(M2), get_type_hints(M2, include_extras=True))
print(M(a=1), type(M(a=1)))
P = ParamSpec("P")
print(P, P.args, P.kwargs, Concatenate[int, P])
print(cast(int, "x"), TYPE_CHECKING)
@dataclass_transform()
def deco(cls): return cls
print(deco.__dataclass_transform__)
T = TypeVar("T", bound=int)
print(T, T.__bound__, T.__name__)
