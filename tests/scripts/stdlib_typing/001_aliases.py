# Aliases and special forms: repr, equality, calling, isinstance, | and
# get_origin/get_args.
import collections.abc
from typing import (Any, Callable, ClassVar, Dict, Final, List, Literal, Optional, Set, Tuple,
                    Union, Iterable, Mapping, Sequence, DefaultDict, Deque, get_args, get_origin)

print(List, Dict, Callable, Iterable)
print(List[int], Dict[str, int], Tuple[int, ...], Set[str], Mapping[str, List[int]])
print(Callable[[int, str], bool], Callable[..., int])
print(Optional[int], Union[int, str], Union[int, None, str], Union[int], Union[int, int])
print(Union[Union[int, str], float], Optional[Union[int, str]])
print(ClassVar[int], Final[str], Literal['a', 1], Any)
print(List[int] == List[int], List[int] == List[str], Union[int, str] == Union[str, int])
print(hash(List[int]) == hash(List[int]), hash(Union[int, str]) == hash(Union[str, int]))
print(DefaultDict(int)['x'], Deque([1]), DefaultDict[str, int](list)['y'])
print(int | List[int], List[int] | None, Union[Any, None])
for tp in (List[int], List, Union[int, str], Optional[int], Callable[[int], str],
           Literal[1, 2], ClassVar[int], int, list[int], dict[str, int], Any):
    print(get_origin(tp), get_args(tp))
for check in (lambda: Any(), lambda: Union(), lambda: Any[int], lambda: List(),
              lambda: List[int]([1]), lambda: Dict[str, int](), lambda: Tuple()):
    try:
        check()
    except TypeError as e:
        print('TypeError', e)
print(List[int].__origin__ is list, Dict[str, int].__args__, Callable.__origin__ is collections.abc.Callable)
