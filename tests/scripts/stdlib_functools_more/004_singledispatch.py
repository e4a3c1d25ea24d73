# singledispatch: registration forms, MRO-based choice, ABCs, unions,
# the registry view and the error messages.
from functools import singledispatch
from typing import Union
import collections.abc as cabc


@singledispatch
def describe(obj):
    return "object"


@describe.register
def _(obj: int):
    return "int"


@describe.register(list)
def _(obj):
    return "list"


def for_str(obj):
    return "str"


print(describe.register(str, for_str) is for_str)


@describe.register(cabc.Mapping)
def _(obj):
    return "mapping"


@describe.register
def _(obj: Union[float, complex]):
    return "float or complex"


class MyInt(int):
    pass


class MyList(list):
    pass


print(describe(1), describe(True), describe(MyInt(3)), describe([]), describe(MyList()))
print(describe("s"), describe({}), describe(1.5), describe(2j), describe(None), describe(()))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(object) is describe.registry[object])
print(sorted(k.__name__ for k in describe.registry))
print(describe.__name__, describe.__wrapped__(1))


# Registering later changes dispatch for classes already seen.
@describe.register(MyInt)
def _(obj):
    return "myint"


print(describe(MyInt(1)), describe(1))


class Custom:
    pass


print(describe(Custom()))
cabc.Sequence.register(Custom)


@describe.register(cabc.Sequence)
def _(obj):
    return "sequence"


print(describe(Custom()), describe(()), describe([]))

try:
    describe()
except TypeError as e:
    print("TypeError:", e)

for args in ((3, len), (3,)):
    try:
        describe.register(*args)
    except TypeError as e:
        print("TypeError:", e)


def bad_annotation(x: 3):
    pass


def bad_union(x: Union[int, "list[int]"]):
    pass


for fn in (bad_annotation,):
    try:
        describe.register(fn)
    except TypeError as e:
        print("TypeError:", e)

try:
    describe.registry[int] = None
except TypeError as e:
    print("TypeError: registry is read-only")
