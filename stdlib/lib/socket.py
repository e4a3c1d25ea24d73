"""The socket module: the socket class and the helpers around it.

The native _socket module makes the system calls (each blocking one with
the GIL released). Written here on top of it: the socket subclass (accept()
returning a socket, dup(), makefile(), the context manager, the repr, and
closing that waits for the files makefile() handed out), the
AddressFamily / SocketKind enums for the integer constants, and the
module functions socketpair, fromfd, create_connection, create_server,
has_dualstack_ipv6, getaddrinfo and getfqdn.

makefile() returns SocketFile, a small buffered file written here rather
than the io classes, so that reads and writes go through recv/sendall and
keep the socket's timeout. send/recv themselves are the native methods,
not wrapped, because they run once per I/O event.
"""

import _socket
import os
import sys
from _socket import *
from enum import IntEnum

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socket",
           "socketpair", "SocketType", "error", "timeout", "gaierror", "herror"]

# As in CPython, everything _socket exports is part of the public API.
__all__.extend(name for name in dir(_socket) if not name.startswith('_'))

_realsocket = _socket.socket


# ---- named constants ----------------------------------------------------------
#
# As in CPython, the AF_* and SOCK_* integers become IntEnum members:
# repr <AddressFamily.AF_INET: 2>, str and arithmetic of the plain int.

IntEnum._convert_('AddressFamily', __name__, lambda name: name.isupper() and name.startswith('AF_'))
IntEnum._convert_('SocketKind', __name__, lambda name: name.isupper() and name.startswith('SOCK_'))


def _intenum_converter(value, kind):
    """value as a member of kind when it names one, else the plain int."""
    try:
        return kind(value)
    except ValueError:
        return value


# ---- the socket class ----------------------------------------------------------

class socket(_socket.socket):
    """A socket: socket(family=AF_INET, type=SOCK_STREAM, proto=0,
    fileno=None). With fileno, the other arguments default to what the
    descriptor is."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
        _socket.socket.__init__(self, family, type, proto, fileno)
        # Files from makefile() keep the descriptor open after close()
        # until they are closed too: _open_files counts them.
        self._open_files = 0
        self._closed = False

    @property
    def family(self):
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        return _intenum_converter(super().type, SocketKind)

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        parts = ['fd=%i' % self.fileno(), 'family=%s' % self.family,
                 'type=%s' % self.type, 'proto=%i' % self.proto]
        if not closed:
            parts.extend(self._address_parts())
        cls = type(self)
        state = ' [closed]' if closed else ''
        return '<%s.%s%s %s>' % (cls.__module__, cls.__qualname__, state, ', '.join(parts))

    def _address_parts(self):
        found = []
        for label, query in (('laddr', self.getsockname), ('raddr', self.getpeername)):
            try:
                address = query()
            except error:
                continue
            if address:
                found.append('%s=%s' % (label, address))
        return found

    def __getstate__(self):
        raise TypeError("cannot pickle %r object" % type(self).__name__)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if not self._closed:
            self.close()

    def accept(self):
        """Wait for a connection; returns (new socket, peer address)."""
        fd, peer = self._accept()
        conn = socket(self.family, self.type, self.proto, fileno=fd)
        # Without a default timeout, the new socket is blocking even when
        # the listening one has a timeout (CPython's rule).
        if self.gettimeout() and getdefaulttimeout() is None:
            conn.setblocking(True)
        return conn, peer

    def dup(self):
        """A new socket object on a duplicate of this descriptor."""
        copy = type(self)(self.family, self.type, self.proto, fileno=dup(self.fileno()))
        copy.settimeout(self.gettimeout())
        return copy

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        """A file object reading and/or writing this socket ('r', 'w', 'b'
        in mode). The socket stays open until the file is closed too."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        if binary and (encoding is not None or errors is not None or newline is not None):
            raise ValueError("binary mode doesn't take an encoding argument")
        self._open_files += 1
        return SocketFile(self, mode, reading, writing, binary,
                          encoding or "utf-8", errors or "strict", newline)

    def _decref_socketios(self):
        # A file from makefile() was closed: finish a close() that waited.
        if self._open_files > 0:
            self._open_files -= 1
        if self._closed:
            self.close()

    def close(self):
        self._closed = True
        if self._open_files <= 0:
            self._real_close()

    def _real_close(self, _native_close=_socket.socket.close):
        _native_close(self)

    def detach(self):
        self._closed = True
        return super().detach()

    def get_inheritable(self):
        # Sockets are created with SOCK_CLOEXEC and there is no
        # set_inheritable, so never inheritable.
        return False


class SocketFile:
    """The file makefile() returns: a read buffer over recv() and a write
    buffer flushed with sendall(), in binary or text mode."""

    _CHUNK = 8192

    @property
    def _io_base(self):
        # Which io ABC this file counts as (see _iobase): one class serves
        # both modes here, where CPython returns a BufferedReader/Writer or
        # a TextIOWrapper.
        return "BufferedIOBase" if self._binary else "TextIOBase"

    def __init__(self, sock, mode, reading, writing, binary, encoding, errors, newline):
        self._sock = sock
        self.mode = mode
        self._reading = reading
        self._writing = writing
        self._binary = binary
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        # A bytearray: appending to it is amortised O(1), so reading to EOF
        # is linear (bytes += bytes copied everything read so far each time).
        self._rbuf = bytearray()
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
            data = bytes(self._rbuf)
            self._rbuf = bytearray()
            return data
        while len(self._rbuf) < size and self._fill():
            pass
        return self._take(size)

    def _take(self, n):
        # The first n buffered bytes, as bytes, removed from the buffer.
        data = bytes(self._rbuf[:n])
        del self._rbuf[:n]
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
        return self._take(end)

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
        return self._take(size)

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


# ---- module functions ----------------------------------------------------------

def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """Two sockets connected to each other (AF_UNIX by default)."""
    first, second = _socket._socketpair_fds(family, type, proto)
    return socket(family, type, proto, first), socket(family, type, proto, second)


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of descriptor fd."""
    return socket(family, type, proto, dup(fd))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """_socket.getaddrinfo with the family and type as AddressFamily and
    SocketKind: a list of (family, type, proto, canonname, sockaddr)."""
    return [(_intenum_converter(af, AddressFamily), _intenum_converter(kind, SocketKind),
             proto_, canonname, sockaddr)
            for af, kind, proto_, canonname, sockaddr
            in _socket.getaddrinfo(host, port, family, type, proto, flags)]


def getfqdn(name=''):
    """The fully qualified domain name of name (this host when empty).
    gilt has no gethostbyaddr, so the name comes back as given (the host
    name for '', '0.0.0.0' and '::')."""
    name = name.strip()
    if name in ('', '0.0.0.0', '::'):
        return gethostname()
    return name


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connect a TCP socket to address, (host, port), trying every address
    getaddrinfo gives in turn; returns the first that connects. If none
    does, raises the first error, or with all_errors an ExceptionGroup of
    them all."""
    host, port = address
    failures = []
    for af, kind, proto, _, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        try:
            return _connect_one(af, kind, proto, sockaddr, timeout, source_address)
        except error as exc:
            failures.append(exc)
    if not failures:
        raise error("getaddrinfo returns an empty list")
    if all_errors and _exception_group() is not None:
        raise _exception_group()("create_connection failed", failures)
    raise failures[0]


def _exception_group():
    # TODO: gilt has no ExceptionGroup yet; until it does, all_errors
    # falls back to raising the first error.
    try:
        return ExceptionGroup
    except NameError:
        return None


def _connect_one(af, kind, proto, sockaddr, timeout, source_address):
    sock = socket(af, kind, proto)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            sock.settimeout(timeout)
        if source_address:
            sock.bind(source_address)
        sock.connect(sockaddr)
    except BaseException:
        sock.close()
        raise
    return sock


def has_dualstack_ipv6():
    """True if an AF_INET6 socket can also accept IPv4 connections."""
    if not has_ipv6:
        return False
    try:
        probe = socket(AF_INET6, SOCK_STREAM)
    except error:
        return False
    try:
        probe.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
        return True
    except error:
        return False
    finally:
        probe.close()


def _check_server_options(family, reuse_port, dualstack_ipv6):
    if reuse_port and "SO_REUSEPORT" not in globals():
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if not dualstack_ipv6:
        return
    if not has_dualstack_ipv6():
        raise ValueError("dualstack_ipv6 not supported on this platform")
    if family != AF_INET6:
        raise ValueError("dualstack_ipv6 requires AF_INET6 family")


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A TCP socket bound to address and listening. SO_REUSEADDR is set
    so that a restarted server can bind at once; an AF_INET6 socket takes
    IPv4 too only with dualstack_ipv6."""
    _check_server_options(family, reuse_port, dualstack_ipv6)
    server = socket(family, SOCK_STREAM)
    try:
        server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            server.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            server.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        _bind_naming_address(server, address)
        if backlog is None:
            server.listen()
        else:
            server.listen(backlog)
    except error:
        server.close()
        raise
    return server


def _bind_naming_address(sock, address):
    # A bare "Address already in use" does not say which address.
    try:
        sock.bind(address)
    except error as err:
        detail = '%s (while attempting to bind on address %r)' % (err.strerror, address)
        raise error(err.errno, detail) from None
