# Classes that only define the right methods count as virtual subclasses.
from collections.abc import (Hashable, Sized, Container, Iterable, Iterator,
                             Reversible, Callable, Collection, Generator,
                             Awaitable, Coroutine, AsyncIterable, AsyncIterator,
                             AsyncGenerator, Sequence, Mapping)
import _collections_abc


class HasLen:
    def __len__(self):
        return 3


class HasIter:
    def __iter__(self):
        return iter([1, 2])


class IterAndNext(HasIter):
    def __next__(self):
        raise StopIteration


class NoIter(HasIter):
    __iter__ = None


class Unhashable:
    __hash__ = None


class Full:
    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())

    def __contains__(self, x):
        return False

    def __reversed__(self):
        return iter(())

    def __call__(self):
        return 1

    def __getitem__(self, i):
        raise IndexError


class GenLike(IterAndNext):
    def send(self, v):
        raise StopIteration

    def throw(self, *a):
        raise StopIteration

    def close(self):
        pass


class AwaitLike:
    def __await__(self):
        return iter(())


class CoroLike(AwaitLike):
    def send(self, v):
        raise StopIteration

    def throw(self, *a):
        raise StopIteration

    def close(self):
        pass


class AIter:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class AGen(AIter):
    async def asend(self, v):
        raise StopAsyncIteration

    async def athrow(self, *a):
        raise StopAsyncIteration

    async def aclose(self):
        pass


abcs = [Hashable, Sized, Container, Iterable, Iterator, Reversible, Callable,
        Collection, Generator, Awaitable, Coroutine, AsyncIterable,
        AsyncIterator, AsyncGenerator, Sequence, Mapping]
for cls in [HasLen, HasIter, IterAndNext, NoIter, Unhashable, Full, GenLike,
            AwaitLike, CoroLike, AIter, AGen]:
    print(cls.__name__, [a.__name__ for a in abcs if issubclass(cls, a)])


# A subclass of an ABC does not inherit the structural test.
class MyIterable(Iterable):
    pass


print(issubclass(HasIter, MyIterable), issubclass(MyIterable, Iterable))

# Registering makes a virtual subclass; the registration returns the class.
class Plain:
    pass


print(Sequence.register(Plain) is Plain, issubclass(Plain, Sequence),
      isinstance(Plain(), Iterable), issubclass(Plain, Mapping))

print(_collections_abc._check_methods(Full, "__len__", "__iter__"))
print(_collections_abc._check_methods(NoIter, "__iter__"))
print(_collections_abc._check_methods(HasLen, "__len__", "missing"))
