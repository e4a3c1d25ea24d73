"""Serialize Python objects to bytes and back, in CPython's pickle format
(protocols 0 to 5), so pickles move between gilt and CPython both ways.

dumps/dump and loads/load do the work in the native _pickle module;
Pickler and Unpickler are classes so that programs can override their
hooks: persistent_id, reducer_override and dispatch_table on the
Pickler, find_class and persistent_load on the Unpickler.
"""

import _pickle
import copyreg
from _pickle import PickleError, PicklingError, UnpicklingError

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = _pickle.HIGHEST_PROTOCOL
DEFAULT_PROTOCOL = _pickle.DEFAULT_PROTOCOL

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]

_MISSING = object()


class PickleBuffer:
    """PickleBuffer(buffer): marks bytes or a bytearray for protocol 5,
    which pickles it in band (as its data) or, when the Pickler's
    buffer_callback returns a false value, out of band: the pickle then
    holds a NEXT_BUFFER reference and loads() takes the data from its
    `buffers` argument. There is no memoryview here, so raw() returns the
    wrapped object itself."""

    def __init__(self, buffer):
        if not isinstance(buffer, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(buffer).__name__)
        self._data = buffer

    def raw(self):
        if self._data is None:
            raise ValueError("operation forbidden on released PickleBuffer object")
        return self._data

    def release(self):
        self._data = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()


_pickle.PickleBuffer = PickleBuffer  # so the pickler recognises it


def _writer_of(file):
    try:
        return file.write
    except AttributeError:
        raise TypeError("file must have a 'write' attribute") from None


class Pickler:
    """Pickler(file, protocol=None, fix_imports=True, buffer_callback=None):
    writes pickles to file (anything with a write(bytes) method)."""

    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._write = _writer_of(file)
        self.protocol = protocol
        self.proto = protocol
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports
        self._buffer_callback = buffer_callback
        self.memo = {}

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        """Write a pickled representation of obj to the file."""
        if not hasattr(self, "_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % type(self).__name__)
        data = _pickle.dumps(
            obj, self.protocol, self.fix_imports,
            getattr(self, "persistent_id", None),
            getattr(self, "reducer_override", None),
            getattr(self, "dispatch_table", None),
            self._buffer_callback, self.memo)
        self._write(data)


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII',
    errors='strict', buffers=None): reads pickles from file (anything with
    read(n) and readline()). Override find_class to restrict what a pickle
    may name."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        self._file = file
        self.fix_imports = fix_imports
        self.encoding = encoding
        self.errors = errors
        self._buffers = buffers
        self.proto = 0
        self.memo = {}

    def load(self):
        """Read one pickle from the file and return the object it holds."""
        if not hasattr(self, "_file"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % type(self).__name__)
        finder = self.find_class
        if type(self).find_class is Unpickler.find_class:
            finder = None  # the native lookup, without a call back into Python
        loader = getattr(self, "persistent_load", None)
        return _pickle.load(self._file, self.fix_imports, self.encoding,
                            self.errors, finder, loader, self._buffers, self,
                            self.memo)

    def find_class(self, module, name):
        """Return the object module.name names; called for every global a
        pickle mentions. The place to forbid what may be loaded."""
        return _pickle.find_class(module, name, self.proto, self.fix_imports)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open file."""
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of obj as bytes."""
    if protocol is None:
        protocol = DEFAULT_PROTOCOL
    return _pickle.dumps(obj, protocol, fix_imports, None, None, None,
                         buffer_callback)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
         buffers=None):
    """Read a pickled object from the open file and return it."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding,
                     errors=errors, buffers=buffers).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    """Return the object pickled in the bytes data."""
    return _pickle.loads(data, fix_imports, encoding, errors, None, None,
                         buffers)
