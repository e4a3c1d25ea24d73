# PEP 604 unions: X | Y of classes, None, builtin generic aliases and
# unions; typing objects and strings are not union members.
import typing

a = list[int] | None
print(a, type(a))
print(list[int] | dict[str, int])
print(None | list[int])
print(int | list[int])
try:
    print(int | "Tree")
except TypeError as e:
    print("TypeError", e)
try:
    print("Tree" | int)
except TypeError as e:
    print("TypeError", e)
print(a.__args__, a == (list[int] | None), hash(a) == hash(list[int] | None))
print(typing.Optional[list[int]], typing.Union[list[int], None] == (list[int] | None))
print(isinstance([], list | None), isinstance(3, int | str), isinstance(3.0, int | str))
try:
    isinstance([], list[int] | None)
except TypeError as e:
    print("TypeError", e)
print(int | typing.List[int])
print(list[int] | typing.List[int])
u = int | str | None
print(u.__args__, u.__parameters__, (int | str) == (str | int), hash(int | str) == hash(str | int))
print((int | str) | (bytes | int), list[int] | list[int], int | int)
print(isinstance(None, int | None), issubclass(bool, int | str), issubclass(bytes, int | str))
try:
    issubclass(1, int | str)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(list, list[int] | None)
except TypeError as e:
    print("TypeError", e)
T = typing.TypeVar('T')
print(list[T] | None, (list[T] | None).__parameters__, list[T].__parameters__)
print(int | None == typing.Optional[int], typing.Optional[int] == int | None)
print(type(u).__module__, type(u).__name__)
import types
print(types.UnionType is type(u), typing.get_args(int | str), typing.get_origin(int | str))


def f(x: int | None = None, y: list[str] | dict[str, int] = ()) -> bool | None:
    return None


print(f.__annotations__)
