"""Shared memory blocks by name: SharedMemory, and ShareableList on top.

A SharedMemory is a POSIX shared memory object (shm_open) mapped into this
process; any process that knows its name can map the same bytes.  The
creator decides the size; unlink() removes the name (processes that have it
mapped keep their mapping until close()).

ShareableList keeps a fixed number of int, float, bool, None, str and bytes
items in one block, in a layout of ours that a process can read back from
the name alone:

    count                      8 bytes
    per item: kind, capacity   1 + 8 bytes
    per item: its slot         8 bytes for numbers/bool/None; for str and
                               bytes an 8-byte length and `capacity` bytes

A str or bytes item may be replaced by one that fits its capacity (the
first value's size rounded up to 8 bytes); the kind of an item is fixed
unless the new value is of the same kind.
"""

import mmap
import os
import struct
import types

import _posixshmem

__all__ = ["SharedMemory", "ShareableList"]

_O_CREX = os.O_CREAT | os.O_EXCL


def _new_name():
    return "/psm_" + os.urandom(4).hex()


def _check_request(name, create, size):
    if size < 0:
        raise ValueError("'size' must be a positive integer")
    if create and size == 0:
        raise ValueError("'size' must be a positive number different from zero")
    if name is None and not create:
        raise ValueError("'name' can only be None if create=True")


def _open_block(name, create):
    """(path, descriptor) of a block, made afresh when create is true."""
    if name is not None:
        path = name if name.startswith("/") else "/" + name
        flags = os.O_RDWR | (_O_CREX if create else 0)
        return path, _posixshmem.shm_open(path, flags, mode=0o600)
    while True:
        path = _new_name()
        try:
            return path, _posixshmem.shm_open(path, _O_CREX | os.O_RDWR, mode=0o600)
        except FileExistsError:
            pass


class SharedMemory:
    """A named block of shared memory."""

    # What this process holds of the block: (descriptor, mapping, view),
    # or None once close() has run.
    _held = None

    def __init__(self, name=None, create=False, size=0):
        _check_request(name, create, size)
        path, fd = _open_block(name, create)
        self._path = path
        try:
            if create:
                os.ftruncate(fd, size)
            length = os.fstat(fd).st_size
            mapping = mmap.mmap(fd, length)
        except OSError:
            os.close(fd)
            if create:
                _posixshmem.shm_unlink(path)
            raise
        self._held = (fd, mapping, memoryview(mapping))
        self._size = length

    @property
    def name(self):
        """The name other processes attach with."""
        return self._path.lstrip("/")

    @property
    def size(self):
        return self._size

    @property
    def buf(self):
        """A memoryview of the block's bytes (None after close())."""
        return None if self._held is None else self._held[2]

    def unlink(self):
        """Remove the block's name; it is freed once every process closed it."""
        _posixshmem.shm_unlink(self._path)

    def close(self):
        """Unmap the block from this process (the block itself stays)."""
        held, self._held = self._held, None
        if held is not None:
            fd, mapping, view = held
            view.release()
            mapping.close()
            os.close(fd)

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, size={self.size})"

    def __reduce__(self):
        # Attach by name in the receiving process.
        return type(self), (self.name, False, self.size)

    def __del__(self):
        if self._held is not None:
            try:
                self.close()
            except (OSError, BufferError):
                pass


# -- ShareableList ---------------------------------------------------------------------

_HEAD = struct.Struct("<q")
_ENTRY = struct.Struct("<cq")
_NUMBER = {"i": struct.Struct("<q"), "f": struct.Struct("<d"), "b": struct.Struct("<q"),
           "n": struct.Struct("<q")}
_LEN = struct.Struct("<q")


def _kind_of(value):
    if value is None:
        return "n"
    if isinstance(value, bool):
        return "b"
    if isinstance(value, int):
        return "i"
    if isinstance(value, float):
        return "f"
    if isinstance(value, str):
        return "s"
    if isinstance(value, bytes):
        return "y"
    raise TypeError(f"ShareableList items must be int, float, bool, None, str or bytes, "
                    f"not {type(value).__name__}")


def _encoded(kind, value):
    return value.encode("utf-8") if kind == "s" else value


class ShareableList:
    """A fixed-length list in a SharedMemory block."""

    def __init__(self, sequence=None, *, name=None):
        if name is None or sequence is not None:
            items = list(sequence or ())
            kinds = [_kind_of(v) for v in items]
            capacities = []
            for kind, value in zip(kinds, items):
                if kind in "sy":
                    n = len(_encoded(kind, value))
                    capacities.append(max(8, -(-n // 8) * 8))
                else:
                    capacities.append(0)
            layout = self._layout(kinds, capacities)
            self.shm = SharedMemory(name, create=True, size=max(1, layout[-1]))
            buf = self.shm.buf
            _HEAD.pack_into(buf, 0, len(items))
            for i, (kind, cap) in enumerate(zip(kinds, capacities)):
                _ENTRY.pack_into(buf, _HEAD.size + i * _ENTRY.size, kind.encode(), cap)
            self._kinds, self._caps, self._offsets = kinds, capacities, layout[:-1]
            for i, value in enumerate(items):
                self._store(i, value)
        else:
            self.shm = SharedMemory(name)
            buf = self.shm.buf
            (count,) = _HEAD.unpack_from(buf, 0)
            kinds, capacities = [], []
            for i in range(count):
                kind, cap = _ENTRY.unpack_from(buf, _HEAD.size + i * _ENTRY.size)
                kinds.append(kind.decode())
                capacities.append(cap)
            self._kinds, self._caps = kinds, capacities
            self._offsets = self._layout(kinds, capacities)[:-1]

    @staticmethod
    def _layout(kinds, capacities):
        # Offsets of each slot, then the total size.
        offset = _HEAD.size + len(kinds) * _ENTRY.size
        offsets = []
        for kind, cap in zip(kinds, capacities):
            offsets.append(offset)
            offset += 8 + cap if kind in "sy" else 8
        offsets.append(offset)
        return offsets

    def _store(self, index, value):
        kind = self._kinds[index]
        offset = self._offsets[index]
        buf = self.shm.buf
        if kind in "sy":
            data = _encoded(kind, value)
            if len(data) > self._caps[index]:
                raise ValueError("bytes/str item exceeds available storage")
            _LEN.pack_into(buf, offset, len(data))
            buf[offset + 8:offset + 8 + len(data)] = data
        elif kind == "n":
            _LEN.pack_into(buf, offset, 0)
        else:
            _NUMBER[kind].pack_into(buf, offset, value)

    def _load(self, index):
        kind = self._kinds[index]
        offset = self._offsets[index]
        buf = self.shm.buf
        if kind in "sy":
            (n,) = _LEN.unpack_from(buf, offset)
            data = bytes(buf[offset + 8:offset + 8 + n])
            return data.decode("utf-8") if kind == "s" else data
        if kind == "n":
            return None
        value = _NUMBER[kind].unpack_from(buf, offset)[0]
        return bool(value) if kind == "b" else value

    def _index(self, position, message):
        n = len(self._kinds)
        if position < 0:
            position += n
        if not 0 <= position < n:
            raise IndexError(message)
        return position

    def __getitem__(self, position):
        return self._load(self._index(position, "index out of range"))

    def __setitem__(self, position, value):
        i = self._index(position, "assignment index out of range")
        kind = _kind_of(value)
        if kind != self._kinds[i]:
            if kind in "sy" or self._kinds[i] in "sy":
                if kind != self._kinds[i]:
                    raise ValueError("bytes/str item exceeds available storage")
            self._kinds[i] = kind
            _ENTRY.pack_into(self.shm.buf, _HEAD.size + i * _ENTRY.size, kind.encode(),
                             self._caps[i])
        self._store(i, value)

    def __reduce__(self):
        return type(self)._attach, (self.shm.name,)

    @classmethod
    def _attach(cls, name):
        return cls(name=name)

    def __len__(self):
        return len(self._kinds)

    def __iter__(self):
        for i in range(len(self._kinds)):
            yield self._load(i)

    def __repr__(self):
        return f"{type(self).__name__}({list(self)}, name={self.shm.name!r})"

    @property
    def format(self):
        """The layout of the items, as struct format codes."""
        codes = {"i": "q", "f": "d", "b": "?", "n": "x"}
        return "".join(f"{cap}s" if kind in "sy" else codes[kind]
                       for kind, cap in zip(self._kinds, self._caps))

    def count(self, value):
        """How many items equal value."""
        return sum(1 for item in self if item == value)

    def index(self, value):
        """The position of the first item equal to value."""
        for position, item in enumerate(self):
            if value == item:
                return position
        raise ValueError(f"{value!r} not in this container")

    __class_getitem__ = classmethod(types.GenericAlias)
