"""Connections: message pipes between processes.

A Connection owns one file descriptor (a pipe end or a Unix socket) and
moves whole messages over it: each message is a 4-byte big-endian signed
length and then the bytes; a message of 2 GiB or more sends -1 and an
8-byte length instead.  send()/recv() carry pickles (ForkingPickler) in
that frame, and the frame is CPython's, so a gilt process could talk to a
CPython one.  The framing, and for send()/recv() the pickling too, is one
native call per message (_multiprocessing.send_frame and friends).

Listener and Client connect unrelated processes (a Manager and its
clients) over a Unix socket; with an authkey, each side proves it knows
the key with an HMAC challenge before any message is unpickled.
"""

import os
import select
import time

from _multiprocessing import recv_frame as _recv_frame, send_frame as _send_frame
from _multiprocessing import recv_object as _recv_object, send_object as _send_object

from . import reduction
from . import util
from .context import AuthenticationError, BufferTooShort

__all__ = ["Client", "Listener", "Pipe", "wait", "Connection"]

BUFSIZE = 8192
CONNECTION_TIMEOUT = 20.0

default_family = "AF_UNIX"
families = ["AF_INET", "AF_UNIX"]


def _validated_handle(handle, readable, writable):
    handle = handle.__index__()
    if handle < 0:
        raise ValueError("invalid handle")
    if readable or writable:
        return handle
    raise ValueError("at least one of `readable` and `writable` must be True")


def _payload(buf, offset, size):
    """buf[offset:offset+size] as bytes, with the checks and messages of
    CPython's send_bytes()."""
    data = buf if isinstance(buf, bytes) else bytes(buf)
    total = len(data)
    if offset < 0:
        raise ValueError("offset is negative")
    if offset > total:
        raise ValueError("buffer length < offset")
    if size is not None:
        if size < 0:
            raise ValueError("size is negative")
        if offset + size > total:
            raise ValueError("buffer length < offset + size")
    end = total if size is None else offset + size
    return data if (offset, end) == (0, total) else data[offset:end]


class _ConnectionBase:
    """What every connection does above the transport: state checks,
    framing-independent API, context manager.  Subclasses supply _close,
    _send_bytes, _recv_bytes and _poll."""

    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        self._handle = _validated_handle(handle, readable, writable)
        self._readable, self._writable = readable, writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _ensure(self, reading):
        """Raise unless the connection is open and usable in that direction."""
        if self._handle is None:
            raise OSError("handle is closed")
        if reading and not self._readable:
            raise OSError("connection is write-only")
        if not reading and not self._writable:
            raise OSError("connection is read-only")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    @property
    def closed(self):
        """True if the connection is closed."""
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        """The file descriptor of the connection."""
        if self._handle is None:
            raise OSError("handle is closed")
        return self._handle

    def close(self):
        """Close the connection."""
        if self._handle is None:
            return
        try:
            self._close()
        finally:
            self._handle = None

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes of buf[offset:offset+size] as one message."""
        self._ensure(reading=False)
        self._send_bytes(_payload(buf, offset, size))

    def send(self, obj):
        """Send a picklable object."""
        self._ensure(reading=False)
        self._send_bytes(reduction.ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receive one message as bytes."""
        self._ensure(reading=True)
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        data = self._recv_bytes(maxlength)
        if data is not None:
            return data
        # The message is still in the pipe: this end cannot be read again.
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    def recv_bytes_into(self, buf, offset=0):
        """Receive one message into the writable buffer buf at offset;
        returns the number of bytes."""
        self._ensure(reading=True)
        data = self._recv_bytes()
        size = len(data)
        if offset < 0 or offset > len(buf):
            raise ValueError("offset out of bounds")
        if offset + size > len(buf):
            raise BufferTooShort(data)
        buf[offset:offset + size] = data
        return size

    def recv(self):
        """Receive one pickled object."""
        self._ensure(reading=True)
        return reduction.ForkingPickler.loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        """Whether there is anything to read (waiting up to timeout seconds;
        None waits without limit)."""
        self._ensure(reading=True)
        return self._poll(timeout)


class Connection(_ConnectionBase):
    """A connection over a file descriptor (pipe end or socket)."""

    def _close(self, _os_close=os.close):
        # A default argument: __del__ may run while the interpreter is
        # tearing modules down.
        _os_close(self._handle)

    def _send_bytes(self, data):
        _send_frame(self._handle, data)

    def _recv_bytes(self, maxsize=None):
        return _recv_frame(self._handle, maxsize)

    # One native call per message (pickling included) on the hot paths.

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes of buf[offset:offset+size] as one message."""
        if self._handle is None or not self._writable:
            self._ensure(reading=False)
        if offset or size is not None or not isinstance(buf, bytes):
            buf = _payload(buf, offset, size)
        _send_frame(self._handle, buf)

    def send(self, obj):
        """Send a picklable object."""
        if self._handle is None or not self._writable:
            self._ensure(reading=False)
        if reduction.ForkingPickler._extra_reducers:
            _send_frame(self._handle, reduction.ForkingPickler.dumps(obj))
        else:
            _send_object(self._handle, obj)

    def recv(self):
        """Receive one pickled object."""
        if self._handle is None or not self._readable:
            self._ensure(reading=True)
        return _recv_object(self._handle)

    def _poll(self, timeout):
        return bool(wait([self], timeout))

    def __reduce__(self):
        # Only to a child being spawned: it inherits the descriptor.
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError("Connection objects can only be passed to a child "
                            "process when it is started")
        fd = reduction.DupFd(self._handle)
        return _rebuild_connection, (fd.detach(), self._readable, self._writable)

    def __repr__(self):
        return "<%s.%s handle=%r>" % (type(self).__module__, type(self).__qualname__,
                                       self._handle)


def _rebuild_connection(fd, readable, writable):
    return Connection(fd, readable, writable)


def Pipe(duplex=True):
    """A pair (conn1, conn2) of connected Connections.  With duplex False,
    conn1 only receives and conn2 only sends."""
    if not duplex:
        read_end, write_end = os.pipe()
        return (Connection(read_end, writable=False),
                Connection(write_end, readable=False))
    import socket  # here, not at the top: most processes never need it
    ends = socket.socketpair()
    for end in ends:
        end.setblocking(True)
    return tuple(Connection(end.detach()) for end in ends)


def wait(object_list, timeout=None):
    """The objects of object_list (Connections, sockets, sentinels or
    anything with fileno()) that are ready to read, waiting up to timeout
    seconds (None: without limit)."""
    poller = select.poll()
    by_fd = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        by_fd.setdefault(fd, []).append(obj)
        poller.register(fd, select.POLLIN)
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        if deadline is None:
            ms = None
        else:
            ms = max(0, int((deadline - time.monotonic()) * 1000 + 0.999))
        try:
            events = poller.poll(ms)
        except InterruptedError:
            events = []
        ready = []
        for fd, _ in events:
            ready.extend(by_fd.get(fd, ()))
        if ready or (deadline is not None and time.monotonic() >= deadline):
            return ready


# -- Listener and Client (Unix sockets) ------------------------------------------

def arbitrary_address(family):
    if family == "AF_INET":
        return ("localhost", 0)
    if family == "AF_UNIX":
        return os.path.join(util.get_temp_dir(), "listener-%s" % os.urandom(6).hex())
    raise ValueError("unrecognized family")


def address_type(address):
    if isinstance(address, tuple):
        return "AF_INET"
    if isinstance(address, str):
        return "AF_UNIX"
    raise ValueError("address type of %r unrecognized" % (address,))


def _listening_socket(family, address, backlog):
    import socket
    sock = socket.socket(getattr(socket, family))
    try:
        if family != "AF_UNIX":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setblocking(True)
        sock.bind(address)
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    return sock


class Listener:
    """Accepts connections on a Unix (or TCP) socket address."""

    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) or default_family
        address = address or arbitrary_address(family)
        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError("authkey should be a byte string")
        self._socket = _listening_socket(family, address, backlog)
        self._address = self._socket.getsockname()
        self._family, self._authkey = family, authkey
        self._last_accepted = None
        # A Unix socket leaves a file behind: remove it with the listener.
        self._unlink = None
        if family == "AF_UNIX":
            self._unlink = util.Finalize(self, os.unlink, args=(address,), exitpriority=0)

    def accept(self):
        """Wait for a client; returns its Connection."""
        if self._socket is None:
            raise OSError("listener is closed")
        sock, self._last_accepted = self._socket.accept()
        sock.setblocking(True)
        conn = Connection(sock.detach())
        if self._authkey is not None:
            deliver_challenge(conn, self._authkey)
            answer_challenge(conn, self._authkey)
        return conn

    def close(self):
        sock = self._socket
        if sock is not None:
            self._socket = None
            sock.close()
            unlink = self._unlink
            if unlink is not None:
                self._unlink = None
                unlink()

    @property
    def address(self):
        return self._address

    @property
    def last_accepted(self):
        return self._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Client(address, family=None, authkey=None):
    """Connect to a Listener at address; returns a Connection."""
    import socket
    family = family or address_type(address)
    sock = socket.socket(getattr(socket, family))
    try:
        sock.setblocking(True)
        sock.connect(address)
    except OSError:
        sock.close()
        raise
    conn = Connection(sock.detach())
    if authkey is not None:
        if not isinstance(authkey, bytes):
            raise TypeError("authkey should be a byte string")
        answer_challenge(conn, authkey)
        deliver_challenge(conn, authkey)
    return conn


# -- authentication ----------------------------------------------------------------

MESSAGE_LENGTH = 40
CHALLENGE = b"#CHALLENGE#"
WELCOME = b"#WELCOME#"
FAILURE = b"#FAILURE#"


def _digest(authkey, message):
    import hmac
    return hmac.new(authkey, message, "sha256").digest()


def _compare(a, b):
    import hmac
    return hmac.compare_digest(a, b)


def deliver_challenge(connection, authkey):
    """Check that the peer knows authkey (raises AuthenticationError)."""
    message = os.urandom(MESSAGE_LENGTH)
    connection.send_bytes(CHALLENGE + message)
    response = connection.recv_bytes(256)
    if _compare(response, _digest(authkey, message)):
        connection.send_bytes(WELCOME)
    else:
        connection.send_bytes(FAILURE)
        raise AuthenticationError("digest received was wrong")


def answer_challenge(connection, authkey):
    """Prove to the peer that we know authkey."""
    message = connection.recv_bytes(256)
    if not message.startswith(CHALLENGE):
        raise AuthenticationError("Protocol error, expected challenge: %r" % (message,))
    connection.send_bytes(_digest(authkey, message[len(CHALLENGE):]))
    response = connection.recv_bytes(256)
    if response != WELCOME:
        raise AuthenticationError("digest sent was rejected")
