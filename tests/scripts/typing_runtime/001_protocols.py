# @runtime_checkable protocols: isinstance() checks the members an object
# has; issubclass() only for protocols whose members are all methods.
from typing import Protocol, runtime_checkable, SupportsInt, SupportsAbs, Iterable


@runtime_checkable
class Closable(Protocol):
    def close(self): ...


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self) -> str: ...


class NotRuntime(Protocol):
    def run(self): ...


class File:
    def close(self):
        return "closed"


class Person:
    name = "ann"

    def greet(self):
        return "hi"


class Nameless:
    def greet(self):
        return "hi"


class ClosesNone:
    close = None


print(isinstance(File(), Closable), isinstance(1, Closable), isinstance(ClosesNone(), Closable))
print(issubclass(File, Closable), issubclass(int, Closable), issubclass(ClosesNone, Closable))
print(isinstance(Person(), Named), isinstance(Nameless(), Named))
try:
    issubclass(Person, Named)
except TypeError as e:
    print("TypeError", e)
try:
    isinstance(File(), NotRuntime)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(File, NotRuntime)
except TypeError as e:
    print("TypeError", e)
try:
    Closable()
except TypeError as e:
    print("TypeError", e)
try:
    runtime_checkable(File)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(3, Closable)
except TypeError as e:
    print("TypeError", e)


class Explicit(Closable):
    pass


print(isinstance(Explicit(), Closable), Explicit().close())
print(isinstance(3, SupportsInt), isinstance("x", SupportsInt), isinstance(-2.5, SupportsAbs))
print(issubclass(float, SupportsInt), issubclass(str, SupportsAbs))


@runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...


print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(dict, Sized2))


class Derived(Closable, Protocol):
    def open(self): ...


try:
    isinstance(File(), Derived)
except TypeError as e:
    print("TypeError", e)
Derived = runtime_checkable(Derived)


class Both:
    def open(self):
        pass

    def close(self):
        pass


print(isinstance(Both(), Derived), isinstance(File(), Derived))
