"""Values and arrays in shared memory: RawValue, RawArray, Value, Array.

gilt has no ctypes; the storage is _multiprocessing.SharedArray, a typed
array in a shared mapping (memfd), which a forked child sees directly and a
spawned child maps again from the inherited descriptor.  The objects given
to scripts behave like the ctypes objects CPython returns: `.value` on a
single value, indexing and slicing on arrays, `.value`/`.raw` on char
arrays, and reprs such as c_int(5).

Value and Array wrap the storage with a lock (an RLock unless one is given)
so each access is atomic; `with v.get_lock(): v.value += 1` makes a
read-modify-write atomic too.
"""

import _multiprocessing

from . import context
from . import reduction

__all__ = ["RawValue", "RawArray", "Value", "Array", "copy", "synchronized"]

typecode_to_type = {
    "c": "c_char", "u": "c_wchar",
    "b": "c_byte", "B": "c_ubyte",
    "h": "c_short", "H": "c_ushort",
    "i": "c_int", "I": "c_uint",
    "l": "c_long", "L": "c_ulong",
    "q": "c_long", "Q": "c_ulong",
    "f": "c_float", "d": "c_double",
}

_DEFAULTS = {"c": b"\x00", "u": "\x00", "f": 0.0, "d": 0.0}


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, str) and typecode_or_type in typecode_to_type:
        return typecode_or_type
    code = getattr(typecode_or_type, "_type_", None)
    if code in typecode_to_type:
        return code
    raise TypeError("bad type or typecode: %r" % (typecode_or_type,))


class _Shared:
    """Common pickling: only to a child being spawned, which maps the same
    memory again."""

    def __reduce__(self):
        context.assert_spawning(self)
        store = self._store
        fd = reduction.DupFd(store.fd).detach()
        return _rebuild_shared, (isinstance(self, SharedValue), fd, store.typecode, len(store))


def _rebuild_shared(is_value, fd, typecode, length):
    cls = SharedValue if is_value else _array_type(typecode, length)
    obj = cls.__new__(cls)
    obj._store = _multiprocessing.SharedArray._rebuild(fd, typecode, length)
    return obj


class SharedValue(_Shared):
    """One value in shared memory (what RawValue returns)."""

    def __init__(self, typecode, *args):
        self._store = _multiprocessing.SharedArray(typecode, 1)
        if args:
            self.value = args[0]

    @property
    def value(self):
        return self._store[0]

    @value.setter
    def value(self, value):
        self._store[0] = value

    @property
    def _type_(self):
        return self._store.typecode

    def __repr__(self):
        return "%s(%r)" % (typecode_to_type[self._store.typecode], self._store[0])


class SharedArray(_Shared):
    """A fixed-size array in shared memory (what RawArray returns)."""

    def __init__(self, typecode, size_or_initializer):
        if isinstance(size_or_initializer, int):
            self._store = _multiprocessing.SharedArray(typecode, size_or_initializer)
        else:
            items = list(size_or_initializer)
            self._store = _multiprocessing.SharedArray(typecode, len(items))
            if typecode == "c":
                items = [bytes([b]) if isinstance(b, int) else b for b in items]
            for i, item in enumerate(items):
                self._store[i] = item

    def __len__(self):
        return len(self._store)

    def __getitem__(self, index):
        return self._store[index]

    def __setitem__(self, index, value):
        self._store[index] = value

    def __iter__(self):
        store = self._store
        for i in range(len(store)):
            yield store[i]

    @property
    def _type_(self):
        return self._store.typecode

    @property
    def value(self):
        """For char arrays: the bytes up to the first NUL (for wchar arrays,
        the str)."""
        code = self._store.typecode
        if code == "c":
            data = self._store.tobytes()
            end = data.find(b"\x00")
            return data if end < 0 else data[:end]
        if code == "u":
            text = "".join(self._store[:])
            end = text.find("\x00")
            return text if end < 0 else text[:end]
        raise AttributeError("%r object has no attribute 'value'" % self._type_name())

    @value.setter
    def value(self, value):
        code = self._store.typecode
        if code not in ("c", "u"):
            raise AttributeError("%r object has no attribute 'value'" % self._type_name())
        if len(value) > len(self._store):
            raise ValueError("byte string too long" if code == "c" else "string too long")
        if code == "c":
            for i, b in enumerate(value):
                self._store[i] = bytes([b])
        else:
            for i, ch in enumerate(value):
                self._store[i] = ch
        if len(value) < len(self._store):
            self._store[len(value)] = b"\x00" if code == "c" else "\x00"

    @property
    def raw(self):
        if self._store.typecode != "c":
            raise AttributeError("%r object has no attribute 'raw'" % self._type_name())
        return self._store.tobytes()

    @raw.setter
    def raw(self, value):
        if self._store.typecode != "c":
            raise AttributeError("%r object has no attribute 'raw'" % self._type_name())
        if len(value) > len(self._store):
            raise ValueError("byte string too long")
        for i, b in enumerate(value):
            self._store[i] = bytes([b])

    def _type_name(self):
        return "%s_Array_%d" % (typecode_to_type[self._store.typecode], len(self._store))

    def __repr__(self):
        return "<%s.%s object at %#x>" % (__name__, self._type_name(), id(self))


def RawValue(typecode_or_type, *args):
    """A value in shared memory, without a lock."""
    return SharedValue(_typecode(typecode_or_type), *args)


_array_types = {}


def _array_type(typecode, length):
    # One class per (item type, length), named as ctypes names its array
    # types: c_int_Array_3.
    key = (typecode, length)
    cls = _array_types.get(key)
    if cls is None:
        name = "%s_Array_%d" % (typecode_to_type[typecode], length)
        cls = type(name, (SharedArray,), {"__module__": __name__})
        _array_types[key] = cls
    return cls


def RawArray(typecode_or_type, size_or_initializer):
    """An array in shared memory, without a lock."""
    code = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        length = size_or_initializer
    else:
        size_or_initializer = list(size_or_initializer)
        length = len(size_or_initializer)
    return _array_type(code, length)(code, size_or_initializer)


def _lock_for(lock, ctx):
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        return ctx.RLock()
    if not hasattr(lock, "acquire"):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A value in shared memory with a lock (lock=False: RawValue)."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock, ctx))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """An array in shared memory with a lock (lock=False: RawArray)."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return synchronized(obj, _lock_for(lock, ctx))


def copy(obj):
    """A new shared object with the same contents."""
    if isinstance(obj, SharedValue):
        return RawValue(obj._store.typecode, obj.value)
    new = RawArray(obj._store.typecode, len(obj))
    new[:] = obj[:]
    return new


def synchronized(obj, lock=None, ctx=None):
    """Wrap a raw shared object with a lock."""
    lock = _lock_for(lock, ctx)
    if isinstance(obj, SharedValue):
        return Synchronized(obj, lock)
    if obj._store.typecode == "c":
        return SynchronizedString(obj, lock)
    return SynchronizedArray(obj, lock)


class SynchronizedBase:
    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = _lock_for(lock, ctx)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return "<%s wrapper for %s>" % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        with self._lock:
            return self._obj._store[0]

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj._store[0] = value


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self._lock:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, value):
        with self._lock:
            self._obj.raw = value
