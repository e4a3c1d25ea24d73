# User generic classes: Generic[T] bases (PEP 560 __mro_entries__),
# __parameters__, __orig_bases__, Box[int] aliases, generic protocols.
from typing import Generic, TypeVar, Protocol, Optional, get_origin, get_args
T = TypeVar('T'); K = TypeVar('K')
class Box(Generic[T]):
    pass
class Pair(Generic[K, T]):
    pass
class IntBox(Box[int]):
    pass
print(Box[int], Pair[str, int], get_origin(Box[int]), get_args(Box[int]), Box[int]().__class__)
print(Box.__parameters__, Pair.__parameters__, IntBox.__parameters__)
print(IntBox.__orig_bases__, IntBox.__mro__)
try: Box[int, str]
except TypeError as e: print('TypeError', e)
try: Generic[int]
except TypeError as e: print('TypeError', e)
b = Box[int]()
print(type(b).__name__, b.__orig_class__)
from typing import List, runtime_checkable


class MyList(List[int]):
    pass


print(MyList.__mro__, MyList([1, 2]))


@runtime_checkable
class SupportsGet(Protocol[T]):
    def get(self) -> T: ...


class Getter:
    def get(self):
        return 1


print(SupportsGet.__parameters__, isinstance(Getter(), SupportsGet), SupportsGet[int])
try:
    class Bad(Generic[T], Generic[K]):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    class Missing(Box[K], Generic[T]):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    class NotSub(Optional[int]):
        pass
except TypeError as e:
    print('TypeError', e)
