# The builtin containers, iterators and callables against every ABC.
import collections.abc as cabc

samples = [
    ("list", []), ("tuple", ()), ("str", ""), ("bytes", b""),
    ("bytearray", bytearray()), ("range", range(3)), ("dict", {}),
    ("set", set()), ("frozenset", frozenset()), ("int", 1), ("None", None),
    ("list_iter", iter([])), ("dict_keys", {}.keys()),
    ("dict_values", {}.values()), ("dict_items", {}.items()),
    ("function", len), ("lambda", lambda: 0), ("type", int),
]


def gen():
    yield 1


samples.append(("generator", gen()))

for abc_name in cabc.__all__:
    abc = getattr(cabc, abc_name)
    hits = [name for name, obj in samples if isinstance(obj, abc)]
    print(abc_name, hits)

print(issubclass(list, cabc.MutableSequence), issubclass(tuple, cabc.MutableSequence))
print(issubclass(dict, cabc.Mapping), issubclass(set, cabc.Set), issubclass(frozenset, cabc.MutableSet))
print(issubclass(cabc.Sequence, cabc.Iterable), issubclass(cabc.Mapping, cabc.Sized))
print(issubclass(cabc.Generator, cabc.Iterator), issubclass(cabc.Iterator, cabc.Generator))
print(cabc.Mapping.__module__, cabc.Iterable.__name__, repr(cabc.Set))
print(sorted(cabc.__all__))
try:
    issubclass(1, cabc.Iterable)
except TypeError as exc:
    print("TypeError", exc)
