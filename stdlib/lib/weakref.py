"""Weak references and the containers built on them.

ref (also named ReferenceType), getweakrefcount and getweakrefs come from the
native _weakref module. Written here on top of ref callbacks:
WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod and finalize.

Each container hands its entries a callback that removes the dead entry. The
callback reaches its container only through a weak reference, so a container
is never kept alive by its own entries.

Iteration walks a snapshot of the underlying dict or set: an entry may die
(and its callback remove it) while user code runs between two steps, and the
live container must not change size under a running iterator. (CPython
instead defers removals while an iterator is active.)
"""

from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs
from itertools import count as _count
from _collections_abc import Mapping, MutableMapping, MutableSet

__all__ = ["ref", "ReferenceType", "getweakrefcount", "getweakrefs",
           "WeakValueDictionary", "WeakKeyDictionary", "WeakSet",
           "WeakMethod", "finalize"]

# No __class_getitem__ on the containers (CPython has one): the runtime's
# GenericAlias cannot be constructed from Python yet.
_dict = dict


class KeyedRef(ref):
    """A ref that also carries the key its referent is stored under, so the
    callback of a WeakValueDictionary entry knows which key to drop."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        made = ref.__new__(cls, ob, callback)
        made.key = key
        return made


# --- behaviour shared by the two weak dictionaries ---

def _repr_with_address(self):
    return "<%s at %#x>" % (type(self).__name__, id(self))


def _merged(self, other):
    if not isinstance(other, Mapping):
        return NotImplemented
    result = self.copy()
    result.update(other)
    return result


def _merged_reflected(self, other):
    if not isinstance(other, Mapping):
        return NotImplemented
    result = type(self)()
    result.update(other)
    result.update(self)
    return result


def _merge_in_place(self, other):
    self.update(other)
    return self


def _live_size(self):
    # Dead entries are dropped by their callbacks as soon as they die.
    return len(self.data)


def _drop_all(self):
    self.data.clear()


class _WeakMapping(MutableMapping):
    """What the two weak dictionaries share. A bulk update writes through
    _store, which each class defines for its own kind of entry, so that
    update() never goes through an overridden __setitem__ (as CPython's)."""

    __slots__ = ()

    def update(self, other=None, /, **kwargs):
        if other is not None:
            self._store(other.items() if hasattr(other, "items") else _dict(other).items())
        if kwargs:
            self._store(kwargs.items())


class WeakValueDictionary(_WeakMapping):
    """Mapping class that references values weakly.

    Entries in the dictionary will be discarded when no strong reference to
    the value exists anymore."""

    def __init__(self, other=(), /, **kw):
        def forget(dead, owner_ref=ref(self)):
            owner = owner_ref()
            # The key may have been rebound to a new value since: only the
            # entry holding this very reference is stale.
            if owner is not None and owner.data.get(dead.key) is dead:
                del owner.data[dead.key]
        self._remove = forget
        self.data = {}
        self.update(other, **kw)

    __len__ = _live_size
    __repr__ = _repr_with_address
    __or__ = _merged
    __ror__ = _merged_reflected
    __ior__ = _merge_in_place
    clear = _drop_all

    def __getitem__(self, key):
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        entry = self.data.get(key)
        return entry is not None and entry() is not None

    def __iter__(self):
        for key, entry in list(self.data.items()):
            if entry() is not None:
                yield key

    keys = __iter__

    def get(self, key, default=None):
        entry = self.data.get(key)
        if entry is None:
            return default
        value = entry()
        return default if value is None else value

    def items(self):
        for key, entry in list(self.data.items()):
            value = entry()
            if value is not None:
                yield key, value

    def values(self):
        for entry in list(self.data.values()):
            value = entry()
            if value is not None:
                yield value

    def itervaluerefs(self):
        """Return an iterator that yields the weak references to the values.

        The references are not guaranteed to be 'live' at the time they are
        used, so the result of calling them needs to be checked."""
        for entry in list(self.data.values()):
            if entry() is not None:
                yield entry

    def valuerefs(self):
        """Return a list of weak references to the values (which may have
        died by the time they are called)."""
        return list(self.data.values())

    def pop(self, key, *default):
        entry = self.data.pop(key, None)
        value = None if entry is None else entry()
        if value is not None:
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        while True:
            key, entry = self.data.popitem()
            value = entry()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        current = self.get(key)
        if current is not None:
            return current
        self.data[key] = KeyedRef(default, self._remove, key)
        return default

    def _store(self, pairs):
        data, forget = self.data, self._remove
        for key, value in pairs:
            data[key] = KeyedRef(value, forget, key)

    def copy(self):
        duplicate = WeakValueDictionary()
        duplicate.update(self.items())
        return duplicate

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        duplicate = type(self)()
        for key, value in self.items():
            duplicate[deepcopy(key, memo)] = value
        return duplicate



class WeakKeyDictionary(_WeakMapping):
    """Mapping class that references keys weakly.

    Entries in the dictionary will be discarded when there is no longer a
    strong reference to the key."""

    def __init__(self, dict=None):
        def forget(dead, owner_ref=ref(self)):
            owner = owner_ref()
            if owner is not None:
                owner.data.pop(dead, None)
        self._remove = forget
        self.data = {}
        if dict is not None:
            self.update(dict)

    __len__ = _live_size
    __repr__ = _repr_with_address
    __or__ = _merged
    __ror__ = _merged_reflected
    __ior__ = _merge_in_place
    clear = _drop_all

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            probe = ref(key)
        except TypeError:
            return False
        return probe in self.data

    def __iter__(self):
        for entry in list(self.data):
            key = entry()
            if key is not None:
                yield key

    keys = __iter__

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        for entry, value in list(self.data.items()):
            key = entry()
            if key is not None:
                yield key, value

    def values(self):
        for entry, value in list(self.data.items()):
            if entry() is not None:
                yield value

    def keyrefs(self):
        """Return a list of weak references to the keys (which may have died
        by the time they are called)."""
        return list(self.data)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            entry, value = self.data.popitem()
            key = entry()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def _store(self, pairs):
        data, forget = self.data, self._remove
        for key, value in pairs:
            data[ref(key, forget)] = value

    def copy(self):
        duplicate = WeakKeyDictionary()
        duplicate.update(self.items())
        return duplicate

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        duplicate = type(self)()
        for key, value in self.items():
            duplicate[key] = deepcopy(value, memo)
        return duplicate



class WeakSet:
    """A set whose elements are referenced weakly: an element leaves the set
    when no strong reference to it exists anymore."""

    def __init__(self, data=None):
        def forget(dead, owner_ref=ref(self)):
            owner = owner_ref()
            if owner is not None:
                owner.data.discard(dead)
        self._remove = forget
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for entry in list(self.data):
            item = entry()
            if item is not None:
                yield item

    __len__ = _live_size
    clear = _drop_all

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            return False
        return probe in self.data

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        return type(self), (list(self),), getattr(self, "__dict__", None)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while self.data:
            item = self.data.pop()()
            if item is not None:
                return item
        raise KeyError("pop from empty WeakSet")

    def copy(self):
        return type(self)(self)

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def union(self, other):
        result = self.copy()
        result.update(other)
        return result

    __or__ = union

    # The in-place operators work on the underlying set of references; a
    # plain ref() hashes and compares like its referent while that lives.

    def __isub__(self, other):
        if other is self:
            self.data.clear()
        else:
            self.data.difference_update(map(ref, other))
        return self

    def difference_update(self, other):
        self -= other

    def difference(self, other):
        result = self.copy()
        result -= other
        return result

    __sub__ = difference

    def __iand__(self, other):
        self.data.intersection_update(map(ref, other))
        return self

    def intersection_update(self, other):
        self &= other

    def intersection(self, other):
        # Elements of other that cannot be weakly referenced are simply not
        # in self, rather than an error.
        return type(self)(item for item in other if item in self)

    __and__ = intersection

    def __ixor__(self, other):
        if other is self:
            self.data.clear()
        else:
            incoming = (ref(item, self._remove) for item in other)
            self.data.symmetric_difference_update(incoming)
        return self

    def symmetric_difference_update(self, other):
        self ^= other

    def symmetric_difference(self, other):
        result = self.copy()
        result ^= other
        return result

    __xor__ = symmetric_difference

    def isdisjoint(self, other):
        return not self.intersection(other)

    def issubset(self, other):
        return self.data.issubset(map(ref, other))

    __le__ = issubset

    def issuperset(self, other):
        return self.data.issuperset(map(ref, other))

    __ge__ = issuperset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == set(map(ref, other))

    __hash__ = None


MutableSet.register(WeakSet)


class WeakMethod(ref):
    """A weak reference to a bound method that stays alive as long as both
    the object and the function it binds do (a plain ref to a bound method
    dies at once, since bound methods are created on every attribute
    access)."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            target, func = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def part_died(dead):
            # Either the object or the function went: report once.
            made = owner_ref()
            if made is not None and made._alive:
                made._alive = False
                if callback is not None:
                    callback(made)

        made = ref.__new__(cls, target, part_died)
        owner_ref = ref(made)
        made._func_ref = ref(func, part_died)
        made._meth_type = type(meth)
        made._alive = True
        return made

    def __call__(self):
        target = super().__call__()
        func = self._func_ref()
        if target is None or func is None:
            return None
        return self._meth_type(func, target)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return self is other

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return self is not other

    __hash__ = ref.__hash__


# Numbers finalizers so exit can run them newest first. (A counter kept as
# a class attribute would make every finalize() assign to its class, which
# is slow.)
_creation_order = _count()


class finalize:
    """Class for finalization of weakrefable objects.

    finalize(obj, func, *args, **kwargs) returns a callable finalizer
    object which will be called when obj is garbage collected. The first
    time the finalizer is called it evaluates func(*arg, **kwargs) and
    returns the result. After this the finalizer is dead, and calling it
    just returns None.

    When the program exits any remaining finalizers for which the atexit
    attribute is true will be run in reverse order of creation. By default
    atexit is true."""

    # A live finalizer is a key of _registry, mapped to the tuple
    # (weakref to obj, func, args, kwargs, creation number). The entry is
    # what keeps the finalizer alive (it is the callback of that weakref)
    # however the caller treats the object it got; running, detaching and
    # dying all remove it. A tuple rather than a small class: finalize()
    # is called often and a tuple is far cheaper to build.
    __slots__ = ()
    _registry = {}
    _skip_at_exit = set()
    _shutdown = False
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        finalize._registry[self] = (ref(obj, self), func, args, kwargs,
                                    next(_creation_order))

    def __call__(self, _=None):
        """If alive then mark as dead and return func(*args, **kwargs);
        otherwise return None"""
        entry = finalize._registry.pop(self, None)
        if entry is None or finalize._shutdown:
            return None
        finalize._skip_at_exit.discard(self)
        return entry[1](*entry[2], **entry[3])

    def detach(self):
        """If alive then mark as dead and return (obj, func, args, kwargs);
        otherwise return None"""
        entry = finalize._registry.get(self)
        obj = None if entry is None else entry[0]()
        if obj is None:
            return None
        del finalize._registry[self]
        finalize._skip_at_exit.discard(self)
        return obj, entry[1], entry[2], entry[3]

    def peek(self):
        """If alive then return (obj, func, args, kwargs);
        otherwise return None"""
        entry = finalize._registry.get(self)
        obj = None if entry is None else entry[0]()
        if obj is None:
            return None
        return obj, entry[1], entry[2], entry[3]

    @property
    def alive(self):
        """Whether finalizer is alive"""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether finalizer should be called at exit"""
        return self in finalize._registry and self not in finalize._skip_at_exit

    @atexit.setter
    def atexit(self, value):
        if self not in finalize._registry:
            return
        if value:
            finalize._skip_at_exit.discard(self)
        else:
            finalize._skip_at_exit.add(self)

    def __repr__(self):
        entry = finalize._registry.get(self)
        obj = None if entry is None else entry[0]()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        # Newest first; a finalizer may create others, so look again until
        # no atexit finalizer is left. After this, deaths run nothing.
        import sys
        try:
            while True:
                due = [(entry[4], fin) for fin, entry in cls._registry.items()
                       if fin not in cls._skip_at_exit]
                if not due:
                    break
                due.sort(key=lambda pair: pair[0], reverse=True)
                for _, fin in due:
                    try:
                        fin()
                    except Exception:
                        sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True
