# Substituting type variables: list[T][int], dict[K, T][str, int], nested
# aliases, unions of aliases, typing aliases, and the errors.
import typing
from typing import TypeVar, List, Dict, Optional, Union
T = TypeVar('T'); K = TypeVar('K')
print(list[T][int], dict[K, T][str, int], list[dict[str, T]][bytes], (T | None)[int], (list[T] | dict[K, T])[str, int])
for f in [lambda: list[int][str], lambda: list[T][int, str], lambda: dict[K, T][int], lambda: (int | str)[int]]:
    try: print(f())
    except TypeError as e: print('TypeError', e)
print(dict[K, T].__parameters__, (list[T] | dict[K, T]).__parameters__, tuple[T, ...][int])
print(List[T][int], Dict[K, T][str, int], Optional[T][int], Union[T, List[K]][int, str], List[Dict[K, T]][str, bytes])
Pair = tuple[T, T]
print(Pair[int], Pair.__parameters__, List[T].__parameters__, Union[T, List[K]].__parameters__)
IntList = list[int]
print(IntList(), IntList.__origin__)
