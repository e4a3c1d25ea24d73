"""io.IOBase, io.RawIOBase, io.BufferedIOBase and io.TextIOBase: the bases
a stream written in Python derives from (gzip.GzipFile, http.client's
HTTPResponse, a user's own), with the methods CPython's io gives them for
free on top of the few a subclass defines:

    IOBase          closed, close() (flushes first), __enter__/__exit__,
                    iteration by lines, readline() over read(1) or peek(),
                    readlines(hint), writelines(), and the "not supported"
                    answers of seek/tell/truncate/fileno
    RawIOBase       read(size) and readall() over readinto()
    BufferedIOBase  readinto()/readinto1() over read()/read1()
    TextIOBase      the text stream's attributes (encoding, errors, newlines)

The io module (native) re-exports these classes, loading this module on
first use. They are ABCs, as in CPython: the native streams do not derive
from them but are registered (BytesIO and the buffered files under
BufferedIOBase, StringIO and TextIOWrapper under TextIOBase), so isinstance
and issubclass answer as CPython's do. A class whose instances may be either
kind (socket's makefile() file) names the base of each instance in an
`_io_base` attribute.
"""

import abc

_CLOSED = "I/O operation on closed file."


def _unsupported(what):
    from _io import UnsupportedOperation
    raise UnsupportedOperation(what)


class _IOMeta(abc.ABCMeta):
    def __instancecheck__(cls, instance):
        if getattr(type(instance), "_io_base", None) is not None:
            base = globals().get(getattr(instance, "_io_base", None))
            if isinstance(base, type) and type.__subclasscheck__(cls, base):
                return True
        return super().__instancecheck__(instance)


class IOBase(metaclass=_IOMeta):
    """The base of all streams: lifetime, iteration and lines."""

    __closed = False

    # -- what a subclass overrides --------------------------------------
    def seek(self, pos, whence=0):
        _unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        _unsupported("truncate")

    def fileno(self):
        _unsupported("fileno")

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def flush(self):
        self._checkClosed()

    # -- closing ----------------------------------------------------------
    @property
    def closed(self):
        return self.__closed

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    def __del__(self):
        try:
            closed = self.closed
        except AttributeError:
            return
        if not closed:
            try:
                self.close()
            except Exception:
                pass

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *exc):
        self.close()

    # -- checks, under the names CPython's _pyio uses ----------------------
    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError(_CLOSED if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            _unsupported("File or stream is not readable." if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            _unsupported("File or stream is not writable." if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            _unsupported("File or stream is not seekable." if msg is None else msg)

    # -- lines ------------------------------------------------------------
    def readline(self, size=-1):
        """Up to and including the next b"\\n" (at most `size` bytes): read
        through peek() when the stream has one, else one byte at a time."""
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"{type(size).__name__!r} object cannot be interpreted as an integer")
        peek = getattr(self, "peek", None)
        out = bytearray()
        while size < 0 or len(out) < size:
            want = 1
            if peek is not None:
                ahead = peek(1)
                if not ahead:
                    break
                end = ahead.find(b"\n") + 1
                want = end if end > 0 else len(ahead)
                if size >= 0:
                    want = min(want, size - len(out))
            piece = self.read(want)
            if not piece:
                break
            out += piece
            if out.endswith(b"\n"):
                break
        return bytes(out)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        """The remaining lines; stops once `hint` bytes (or characters)
        have been read, when a positive hint is given."""
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Unbuffered binary streams: a subclass defines readinto() (and
    write()); read() and readall() come from it."""

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        buf = bytearray(size)
        n = self.readinto(buf)
        if n is None:
            return None
        del buf[n:]
        return bytes(buf)

    def readall(self):
        out = bytearray()
        while True:
            chunk = self.read(8192)
            if not chunk:
                break
            out += chunk
        return bytes(out) if out or chunk is not None else chunk

    def readinto(self, b):
        raise NotImplementedError

    def write(self, b):
        raise NotImplementedError


class BufferedIOBase(IOBase):
    """Buffered binary streams: a subclass defines read() (read1()) and
    write(); readinto() and readinto1() come from them."""

    def read(self, size=-1):
        _unsupported("read")

    def read1(self, size=-1):
        _unsupported("read1")

    def write(self, b):
        _unsupported("write")

    def detach(self):
        _unsupported("detach")

    def _readinto(self, b, read):
        view = memoryview(b).cast("B")
        data = read(len(view))
        n = len(data)
        view[:n] = data
        return n

    def readinto(self, b):
        return self._readinto(b, self.read)

    def readinto1(self, b):
        return self._readinto(b, self.read1)


class TextIOBase(IOBase):
    """Text streams: a subclass defines read(), readline() and write()."""

    def read(self, size=-1):
        _unsupported("read")

    def write(self, s):
        _unsupported("write")

    def readline(self, size=-1):
        _unsupported("readline")

    def detach(self):
        _unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


def _register_native_streams():
    import _io
    for name in ("BytesIO", "BufferedReader", "BufferedWriter", "BufferedRandom"):
        native = getattr(_io, name, None)
        if native is not None:
            BufferedIOBase.register(native)
    for name in ("StringIO", "TextIOWrapper"):
        native = getattr(_io, name, None)
        if native is not None:
            TextIOBase.register(native)


_register_native_streams()
del _register_native_streams
