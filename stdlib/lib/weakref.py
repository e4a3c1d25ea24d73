"""Weak references (a subset of CPython's Lib/weakref.py).

ref, getweakrefcount and getweakrefs come from the native _weakref module;
WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize are built here
on top of ref with callbacks. The callbacks hold only a weak reference to
their container, so a container never keeps itself alive through its own
entries (the pattern CPython's implementation uses).
"""

from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs

__all__ = ["ref", "ReferenceType", "getweakrefcount", "getweakrefs",
           "WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "finalize"]


class KeyedRef(ref):
    """A ref that remembers the dictionary key it is stored under."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class WeakValueDictionary:
    """Mapping whose values are held weakly: an entry disappears when its
    value is no longer referenced elsewhere."""

    def __init__(self, other=(), **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                current = self.data.get(wr.key)
                if current is wr:
                    del self.data[wr.key]
        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __iter__(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def keys(self):
        return list(iter(self))

    def values(self):
        out = []
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                out.append(o)
        return out

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out

    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakValueDictionary(self.items())

    def valuerefs(self):
        return list(self.data.values())


class WeakKeyDictionary:
    """Mapping whose keys are held weakly: an entry disappears when its key
    is no longer referenced elsewhere."""

    def __init__(self, dict=None):
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        return list(iter(self))

    def values(self):
        return [v for wr, v in list(self.data.items()) if wr() is not None]

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, **kw):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakKeyDictionary(self.items())

    def keyrefs(self):
        return list(self.data)


class WeakSet:
    """Set whose elements are held weakly."""

    def __init__(self, data=None):
        def remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        self.data = set()
        if data is not None:
            for x in data:
                self.add(x)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def clear(self):
        self.data.clear()

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) when
    obj is garbage collected, or when the finalizer is called, at most once."""

    # key -> (func, args, kwargs, the weak reference): the registry keeps the
    # reference (and so its callback) alive even when the finalize object dies.
    _registry = {}

    def __init__(self, obj, func, *args, **kwargs):
        key = self._key = object()

        def fire(wr):
            entry = finalize._registry.pop(key, None)
            if entry is not None:
                entry[0](*entry[1], **entry[2])
        self._ref = ref(obj, fire)
        finalize._registry[key] = (func, args, kwargs, self._ref)

    def __call__(self, _=None):
        entry = finalize._registry.pop(self._key, None)
        if entry is not None:
            return entry[0](*entry[1], **entry[2])

    def detach(self):
        entry = finalize._registry.pop(self._key, None)
        obj = self._ref()
        if entry is not None and obj is not None:
            return (obj, entry[0], entry[1], entry[2])

    def peek(self):
        entry = finalize._registry.get(self._key)
        obj = self._ref()
        if entry is not None and obj is not None:
            return (obj, entry[0], entry[1], entry[2])

    @property
    def alive(self):
        return self._key in finalize._registry
