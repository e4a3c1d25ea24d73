"""Low-level networking: the socket class over the native _socket module.

_socket (stdlib/socket.cpp) does the system calls, each blocking one with the
GIL released; this module adds what CPython's Lib/socket.py adds: accept()
returning a socket, makefile(), the context manager, the repr, dup(),
socketpair(), create_connection() and create_server(), and the
AddressFamily / SocketKind names for the integer constants.

makefile() returns a small buffered file written here (SocketFile) rather
than the io classes, so that reads and writes go through recv/sendall and
keep the socket's timeout.
"""

import _socket
import os
import sys
from _socket import *

_realsocket = _socket.socket

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socket",
           "socketpair", "SocketType", "error", "timeout", "gaierror", "herror"]


class _IntName(int):
    """An int that shows the name of the constant it stands for, like the
    IntEnum members CPython uses (str() stays the number, as in 3.11)."""

    _names = {}

    def __repr__(self):
        name = self._names.get(int(self))
        if name is None:
            return int.__repr__(self)
        return '<%s.%s: %d>' % (type(self).__name__, name, int(self))

    def __str__(self):
        return int.__repr__(self)

    @property
    def name(self):
        return self._names.get(int(self))

    @property
    def value(self):
        return int(self)


class AddressFamily(_IntName):
    _names = {}


class SocketKind(_IntName):
    _names = {}


def _convert_constants(prefix, cls):
    g = globals()
    for name in list(g):
        if name.startswith(prefix) and isinstance(g[name], int):
            value = g[name]
            if value not in cls._names:
                cls._names[value] = name
            g[name] = cls(value)


_convert_constants('AF_', AddressFamily)
_convert_constants('SOCK_', SocketKind)
del SocketKind._names[SOCK_NONBLOCK], SocketKind._names[SOCK_CLOEXEC]


def _intenum_converter(value, enum_klass):
    if int(value) in enum_klass._names:
        return enum_klass(value)
    return value


class socket(_socket.socket):
    """A socket object (CPython's socket.socket)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(), self.family,
            self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except error:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except error:
                pass
        s += '>'
        return s

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        """A new socket object on a duplicate of this descriptor."""
        fd = dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """Waits for a connection: returns (socket, address)."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        """A file object reading and/or writing this socket."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        reading = "r" in mode
        writing = "w" in mode
        if not reading and not writing:
            reading = True
        binary = "b" in mode
        if binary and (encoding is not None or errors is not None or newline is not None):
            raise ValueError("binary mode doesn't take an encoding argument")
        self._io_refs += 1
        return SocketFile(self, mode, reading, writing, binary,
                          encoding or "utf-8", errors or "strict", newline)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        self._closed = True
        return super().detach()

    @property
    def family(self):
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        return _intenum_converter(super().type, SocketKind)

    def get_inheritable(self):
        return False


SocketType = socket


class SocketFile:
    """The file makefile() returns: a read buffer over recv() and a write
    buffer flushed with sendall(), in binary or text mode."""

    _CHUNK = 8192

    def __init__(self, sock, mode, reading, writing, binary, encoding, errors, newline):
        self._sock = sock
        self.mode = mode
        self._reading = reading
        self._writing = writing
        self._binary = binary
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self._rbuf = b""
        self._wbuf = []
        self._eof = False
        self.closed = False

    @property
    def name(self):
        return self._sock.fileno() if self._sock is not None else -1

    def fileno(self):
        self._check_open()
        return self._sock.fileno()

    def readable(self):
        self._check_open()
        return self._reading

    def writable(self):
        self._check_open()
        return self._writing

    def seekable(self):
        return False

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _check_readable(self):
        self._check_open()
        if not self._reading:
            raise OSError("File not open for reading")

    def _fill(self):
        if self._eof:
            return False
        data = self._sock.recv(self._CHUNK)
        if not data:
            self._eof = True
            return False
        self._rbuf += data
        return True

    def _read_bytes(self, size):
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._rbuf = self._rbuf, b""
            return data
        while len(self._rbuf) < size and self._fill():
            pass
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def _readline_bytes(self, limit):
        start = 0
        while True:
            i = self._rbuf.find(b"\n", start)
            if i >= 0:
                end = i + 1
                break
            start = len(self._rbuf)
            if 0 <= limit <= len(self._rbuf) or not self._fill():
                end = len(self._rbuf)
                break
        if 0 <= limit < end:
            end = limit
        line, self._rbuf = self._rbuf[:end], self._rbuf[end:]
        return line

    def _decode(self, data):
        text = data.decode(self._encoding, self._errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def read(self, size=-1):
        self._check_readable()
        data = self._read_bytes(size)
        return data if self._binary else self._decode(data)

    def read1(self, size=-1):
        self._check_readable()
        if not self._rbuf:
            self._fill()
        if size is None or size < 0:
            size = len(self._rbuf)
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_readable()
        line = self._readline_bytes(-1 if size is None else size)
        return line if self._binary else self._decode(line)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check_open()
        if not self._writing:
            raise OSError("File not open for writing")
        if self._binary:
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
            self._wbuf.append(bytes(data))
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            text = data
            if self._newline not in (None, "", "\n"):
                text = text.replace("\n", self._newline)
            self._wbuf.append(text.encode(self._encoding, self._errors))
            if "\n" in data:
                self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_open()
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf = []
            self._sock.sendall(data)

    def close(self):
        if self.closed:
            return
        try:
            if self._writing:
                self.flush()
        finally:
            self.closed = True
            sock, self._sock = self._sock, None
            sock._decref_socketios()

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<socket.SocketFile mode=%r>" % (self.mode,)


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of descriptor fd."""
    return socket(family, type, proto, dup(fd))


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX by default)."""
    a, b = _socket._socketpair_fds(family, type, proto)
    return (socket(family, type, proto, a), socket(family, type, proto, b))


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connects to (host, port), trying each address getaddrinfo returns."""
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            raise exceptions[0]
        finally:
            exceptions.clear()
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """True if an AF_INET6 socket can accept IPv4 connections too."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to address (a (host, port) pair)."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def getfqdn(name=''):
    """The fully qualified name of `name` (this host by default)."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    return name


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Like _socket.getaddrinfo, with AddressFamily and SocketKind names:
    a list of (family, type, proto, canonname, sockaddr)."""
    addrlist = []
    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):
        af, socktype, proto, canonname, sa = res
        addrlist.append((_intenum_converter(af, AddressFamily),
                         _intenum_converter(socktype, SocketKind),
                         proto, canonname, sa))
    return addrlist
