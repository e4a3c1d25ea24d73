"""The abstract base classes of collections.abc: the protocols that
containers, iterators, generators and coroutines follow (Iterable, Sized,
Mapping, Sequence, Set, Generator, ...), with the mixin methods each one
derives from its few abstract methods.

Two ways to be recognised by isinstance()/issubclass():
- the one-protocol ABCs (Hashable, Sized, Iterable, Iterator, Generator,
  Awaitable, ...) accept any class that defines their methods, through a
  __subclasshook__ installed by @_recognises below;
- the richer ABCs (Sequence, Mapping, Set and their mutable forms) accept
  only real or registered subclasses: the builtins are registered at the
  end of this file.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection",
           "Set", "MutableSet", "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence", "ByteString"]

# The classes show up as collections.abc.X, their public home.
__name__ = "collections.abc"


# ---------------------------------------------------------------------------
# Structural recognition

def _definition(mro, name):
    # What looking name up on the class would find, read straight from the
    # class dictionaries so no descriptor or metaclass hook runs. None both
    # when it is missing and when a class set it to None to opt out (as
    # list does with __hash__).
    for klass in mro:
        namespace = klass.__dict__
        if name in namespace:
            return namespace[name]
    return None


def _check_methods(C, *methods):
    """True when class C defines every one of methods (not as None), else
    NotImplemented: the answer a __subclasshook__ gives."""
    mro = C.__mro__
    for name in methods:
        if _definition(mro, name) is None:
            return NotImplemented
    return True


def _recognises(*methods):
    # Class decorator. The hook answers only for the decorated ABC itself:
    # a user's subclass of Iterable inherits the hook but must not treat
    # every class with __iter__ as its own subclass.
    def install(abc_class):
        def __subclasshook__(cls, C):
            if cls is not abc_class:
                return NotImplemented
            return _check_methods(C, *methods)
        abc_class.__subclasshook__ = classmethod(__subclasshook__)
        return abc_class
    return install


# ---------------------------------------------------------------------------
# Shared bodies of mixin methods

def _raise_thrown(typ, val, tb):
    # Default throw()/athrow(): raise what was passed, accepting the same
    # (type), (type, value) and (type, value, traceback) forms as
    # generator.throw().
    if val is None and tb is None:
        raise typ
    exc = typ() if val is None else val
    if tb is not None:
        exc = exc.with_traceback(tb)
    raise exc


def _close_by_throwing(obj, what):
    # Default close(): the object must let GeneratorExit through (or stop).
    try:
        obj.throw(GeneratorExit)
    except (GeneratorExit, StopIteration):
        return
    raise RuntimeError(what + " ignored GeneratorExit")


def _pop_until_empty(pop, empty_error):
    # Default clear(): removing items one at a time through the abstract
    # methods is the only way that works for every subclass.
    try:
        while True:
            pop()
    except empty_error:
        pass


# ---------------------------------------------------------------------------
# One-method protocols
#
# The bodies of abstract methods are what super().method() gives a
# subclass, so they return a neutral value rather than nothing.

@_recognises("__hash__")
class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0


@_recognises("__len__")
class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0


@_recognises("__contains__")
class Container(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __contains__(self, item):
        return False


@_recognises("__call__")
class Callable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwargs):
        return False


@_recognises("__iter__")
class Iterable(metaclass=ABCMeta):
    __slots__ = ()

    # A generator function, so that super().__iter__() gives an empty iterator.
    @abstractmethod
    def __iter__(self):
        return
        yield


@_recognises("__len__", "__iter__", "__contains__")
class Collection(Sized, Iterable, Container):
    __slots__ = ()


# ---------------------------------------------------------------------------
# Iteration

@_recognises("__iter__", "__next__")
class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        """Return the next item; raise StopIteration when there is none."""
        raise StopIteration

    def __iter__(self):
        return self


@_recognises("__reversed__", "__iter__")
class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return
        yield


@_recognises("__iter__", "__next__", "send", "throw", "close")
class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    def close(self):
        """Throw GeneratorExit in; RuntimeError if the generator goes on."""
        _close_by_throwing(self, "generator")

    @abstractmethod
    def send(self, value):
        """Resume with value as the result of the paused yield; return
        the next value yielded, or raise StopIteration."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception at the paused yield; return the next value
        yielded, or raise StopIteration."""
        _raise_thrown(typ, val, tb)


# ---------------------------------------------------------------------------
# Coroutines and asynchronous iteration

@_recognises("__await__")
class Awaitable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __await__(self):
        yield


@_recognises("__await__", "send", "throw", "close")
class Coroutine(Awaitable):
    __slots__ = ()

    def close(self):
        """Throw GeneratorExit in; RuntimeError if the coroutine goes on."""
        _close_by_throwing(self, "coroutine")

    @abstractmethod
    def send(self, value):
        """Resume with value as the result of the paused await; return
        the next value yielded, or raise StopIteration."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception at the paused await; return the next value
        yielded, or raise StopIteration."""
        _raise_thrown(typ, val, tb)


@_recognises("__aiter__")
class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


@_recognises("__anext__", "__aiter__")
class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        """Return the next item; raise StopAsyncIteration when there is none."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self


@_recognises("__aiter__", "__anext__", "asend", "athrow", "aclose")
class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    async def aclose(self):
        """Throw GeneratorExit in; RuntimeError if the generator goes on."""
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")

    @abstractmethod
    async def asend(self, value):
        """Resume with value; return the next value yielded, or raise
        StopAsyncIteration."""
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        """Raise an exception where the generator is paused; return the
        next value yielded, or raise StopAsyncIteration."""
        _raise_thrown(typ, val, tb)


# ---------------------------------------------------------------------------
# Sequences

def _index_bounds(seq, start, stop):
    # Negative bounds count from the end, as in a slice. Without a stop
    # the search runs until __getitem__ raises IndexError, so len() is
    # only needed for negative bounds.
    if start is not None and start < 0:
        start = max(0, start + len(seq))
    if stop is not None and stop < 0:
        stop = stop + len(seq)
    return start, stop


class Sequence(Reversible, Collection):
    """A read-only sequence indexed by integers from 0.

    Subclasses define __getitem__ and __len__; this class adds iteration,
    reversed(), `in`, index() and count().
    """

    __slots__ = ()

    def __iter__(self):
        # Only __getitem__ is assumed: indexing stops at the first IndexError.
        position = 0
        while True:
            try:
                item = self[position]
            except IndexError:
                return
            yield item
            position += 1

    def __reversed__(self):
        for position in range(len(self) - 1, -1, -1):
            yield self[position]

    def __contains__(self, value):
        for item in self:
            if item is value or item == value:
                return True
        return False

    def index(self, value, start=0, stop=None):
        """Return the first index of value within [start, stop);
        ValueError if it is not there."""
        position = start
        if stop is not None or start != 0:
            position, stop = _index_bounds(self, start, stop)
        while stop is None or position < stop:
            try:
                item = self[position]
            except IndexError:
                break
            if item is value or item == value:
                return position
            position += 1
        raise ValueError

    def count(self, value):
        """Return the number of items equal to value."""
        found = 0
        for item in self:
            if item is value or item == value:
                found += 1
        return found

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError


class ByteString(Sequence):
    """The common ABC of bytes and bytearray."""

    __slots__ = ()


class MutableSequence(Sequence):
    """A Sequence that can change: subclasses add __setitem__,
    __delitem__ and insert(), and get append, extend, +=, pop, remove,
    clear and reverse.
    """

    __slots__ = ()

    def append(self, value):
        """Add value at the end."""
        self.insert(len(self), value)

    def extend(self, values):
        """Append every item of the iterable values."""
        # Snapshot s.extend(s) first, or appending would never end.
        items = list(values) if values is self else values
        for item in items:
            self.append(item)

    def __iadd__(self, values):
        self.extend(values)
        return self

    def pop(self, index=-1):
        """Remove and return the item at index (the last by default)."""
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        """Remove the first item equal to value; ValueError if none is."""
        del self[self.index(value)]

    def clear(self):
        """Remove every item (one pop() at a time)."""
        _pop_until_empty(self.pop, IndexError)

    def reverse(self):
        """Reverse the items in place."""
        low, high = 0, len(self) - 1
        while low < high:
            self[low], self[high] = self[high], self[low]
            low += 1
            high -= 1

    @abstractmethod
    def insert(self, index, value):
        """Insert value before index."""
        raise IndexError

    @abstractmethod
    def __setitem__(self, position, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, position):
        raise IndexError


# ---------------------------------------------------------------------------
# Sets

def _operand(s, other):
    # The binary operators accept any iterable on the other side; those
    # that test membership in it first turn a non-Set into one of ours.
    # None means the operation does not apply.
    if isinstance(other, Set):
        return other
    if isinstance(other, Iterable):
        return s._from_iterable(other)
    return None


def _chain(first, second):
    yield from first
    yield from second


class Set(Collection):
    """A finite, iterable container without duplicates.

    Subclasses define __contains__, __iter__ and __len__; this class
    derives the comparisons (as subset tests), &, |, -, ^ and
    isdisjoint() from them. Results of the operators are built by
    _from_iterable(), which calls the class with an iterable; override it
    when the constructor takes something else.
    """

    __slots__ = ()

    # Comparisons are subset tests; < > == reuse <= and >= so that a
    # subclass overriding those two (say, for speed) changes all five.
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) <= len(other):
            for item in self:
                if item not in other:
                    return False
            return True
        return False

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) >= len(other):
            for item in other:
                if item not in self:
                    return False
            return True
        return False

    def __lt__(self, other):
        if isinstance(other, Set):
            return len(self) < len(other) and self.__le__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Set):
            return len(self) > len(other) and self.__ge__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, Set):
            return len(self) == len(other) and self.__le__(other)
        return NotImplemented

    @classmethod
    def _from_iterable(cls, it):
        """Build an instance of cls holding the items of iterable it."""
        return cls(it)

    def isdisjoint(self, other):
        """True when no item of the iterable other is in the set."""
        for item in other:
            if item in self:
                return False
        return True

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(item for item in other if item in self)

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(_chain(self, other))

    def __sub__(self, other):
        other = _operand(self, other)
        if other is None:
            return NotImplemented
        return self._from_iterable(item for item in self if item not in other)

    def __rsub__(self, other):
        other = _operand(self, other)
        if other is None:
            return NotImplemented
        return self._from_iterable(item for item in other if item not in self)

    def __xor__(self, other):
        other = _operand(self, other)
        if other is None:
            return NotImplemented
        return (self - other) | (other - self)

    # Intersection, union and symmetric difference do not depend on order.
    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__

    def _hash(self):
        """Compute the hash value of a set: the hash a frozenset of the
        same elements has, so equal sets hash alike across classes."""
        return hash(frozenset(self))


class MutableSet(Set):
    """A Set that can change: subclasses add add() and discard() to the
    methods Set needs, and get remove, pop, clear and the in-place
    operators |= &= -= ^= from them.
    """

    __slots__ = ()

    def remove(self, value):
        """Remove value from the set; KeyError if it is not a member."""
        if value in self:
            self.discard(value)
            return
        raise KeyError(value)

    def pop(self):
        """Remove and return an arbitrary member; KeyError if empty."""
        for member in self:
            self.discard(member)
            return member
        raise KeyError from None

    def clear(self):
        """Remove every member (one pop() at a time: slow but generic)."""
        _pop_until_empty(self.pop, KeyError)

    def __ior__(self, other):
        for item in other:
            self.add(item)
        return self

    def __iand__(self, other):
        for item in self - other:
            self.discard(item)
        return self

    def __isub__(self, other):
        if other is self:
            self.clear()
            return self
        for item in other:
            self.discard(item)
        return self

    def __ixor__(self, other):
        if other is self:
            self.clear()
            return self
        # A plain iterable may repeat an item, which must toggle only once.
        items = other if isinstance(other, Set) else self._from_iterable(other)
        for item in items:
            if item in self:
                self.discard(item)
            else:
                self.add(item)
        return self

    @abstractmethod
    def add(self, value):
        """Add value to the set."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Remove value from the set if it is a member; never raises."""
        raise NotImplementedError


# ---------------------------------------------------------------------------
# Mappings and their views

class Mapping(Collection):
    """A read-only container of key/value pairs.

    Subclasses define __getitem__, __iter__ (over the keys) and __len__;
    this class adds get, __contains__, keys, items, values and ==.
    """

    __slots__ = ()

    # A mapping's iteration order is not a sequence order: reversed() must
    # not fall back to __len__ and __getitem__.
    __reversed__ = None

    def __contains__(self, candidate):
        try:
            self[candidate]
        except KeyError:
            return False
        return True

    def get(self, key, default=None):
        """Return self[key], or default when key is missing."""
        try:
            return self[key]
        except KeyError:
            return default

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError


class MappingView(Sized):
    __slots__ = ("_mapping",)

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, self._mapping)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)


# The views read the mapping afresh on every use, so they follow its changes.

class KeysView(MappingView, Set):
    __slots__ = ()

    def __iter__(self):
        yield from self._mapping

    def __contains__(self, candidate):
        return candidate in self._mapping

    # Set operations on a view build a plain set, not another view.
    @classmethod
    def _from_iterable(cls, it):
        return set(it)


class ItemsView(MappingView, Set):
    __slots__ = ()

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield (key, mapping[key])

    def __contains__(self, pair):
        key, value = pair
        try:
            found = self._mapping[key]
        except KeyError:
            return False
        return found is value or found == value

    @classmethod
    def _from_iterable(cls, it):
        return set(it)


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]

    def __contains__(self, candidate):
        mapping = self._mapping
        for key in mapping:
            found = mapping[key]
            if found is candidate or found == candidate:
                return True
        return False


# Default for MutableMapping.pop: tells "no default given" from None.
_NO_DEFAULT = object()


class MutableMapping(Mapping):
    """A Mapping that can change: subclasses add __setitem__ and
    __delitem__, and get pop, popitem, clear, update and setdefault.
    """

    __slots__ = ()

    def pop(self, key, default=_NO_DEFAULT):
        """Remove key and return its value; if key is missing, return
        default when given, else raise KeyError."""
        try:
            value = self[key]
        except KeyError:
            if default is _NO_DEFAULT:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        """Remove and return some (key, value) pair; KeyError if empty."""
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError from None

    def clear(self):
        """Remove every item (one popitem() at a time)."""
        _pop_until_empty(self.popitem, KeyError)

    def update(self, other=(), /, **kwds):
        """Set self[k] = v for each pair of other and then of kwds.

        other may be a Mapping, an object with keys() and __getitem__,
        or an iterable of (key, value) pairs."""
        if isinstance(other, Mapping):
            _store_keyed(self, other, other)
        elif hasattr(other, "keys"):
            _store_keyed(self, other, other.keys())
        else:
            for key, value in other:
                self[key] = value
        for name in kwds:
            self[name] = kwds[name]

    def setdefault(self, key, default=None):
        """Return self[key], first storing default there if key is missing."""
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError


def _store_keyed(target, source, keys):
    for key in keys:
        target[key] = source[key]


# ---------------------------------------------------------------------------
# The builtins, registered as virtual subclasses

def _builtin_types():
    # Iterators and generators have no builtin name; take their classes
    # from sample objects.
    def generator():
        yield

    async def coroutine():
        return None

    async def async_generator():
        yield

    coro = coroutine()
    coro.close()
    samples = [iter(b""), iter(bytearray()), iter(""), iter(()), iter([]),
               reversed([]), iter(set()), iter(range(0)), iter(range(1 << 64)),
               iter({}), iter({}.values()), iter({}.items()), zip()]
    return {
        Iterator: [type(sample) for sample in samples],
        Generator: [type(generator())],
        Coroutine: [type(coro)],
        AsyncGenerator: [type(async_generator())],
        Set: [frozenset],
        MutableSet: [set],
        Mapping: [type(type.__dict__)],
        MutableMapping: [dict],
        KeysView: [type({}.keys())],
        ValuesView: [type({}.values())],
        ItemsView: [type({}.items())],
        Sequence: [tuple, str, range],
        ByteString: [bytes, bytearray],
        MutableSequence: [list, bytearray],
    }


def _register_builtins():
    for abc_class, concrete in _builtin_types().items():
        for cls in concrete:
            abc_class.register(cls)


_register_builtins()
del _register_builtins, _builtin_types
