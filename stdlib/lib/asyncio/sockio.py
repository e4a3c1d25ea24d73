"""Connections over sockets: the transport the loop drives for a protocol,
and the servers that make them (loop.create_connection, create_server and
their Unix-socket forms).

A _SocketTransport owns one connected non-blocking socket. The loop calls
it when the socket is readable (it reads and hands the bytes to
protocol.data_received) or, while it has unsent bytes, writable (it sends
more). write() sends at once when nothing is queued and buffers the rest.
Flow control follows the protocol API: above the high-water mark of
buffered bytes the protocol is told pause_writing(), at or below the low
mark resume_writing() (StreamWriter.drain waits in between). A protocol
may likewise pause our reading. connection_lost() is called once, from
the loop, after which the socket is closed.
"""

import collections
import errno
import os
import socket

from .loop import _fd_of

_READ_SIZE = 256 * 1024
_HIGH_WATER = 64 * 1024

_TRY_AGAIN = (BlockingIOError, InterruptedError)


class BaseProtocol:
    """The callbacks a transport makes (all optional to override)."""

    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


class Protocol(BaseProtocol):
    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class _SocketTransport:

    def __init__(self, loop, sock, protocol, server=None):
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._protocol = protocol
        self._server = server
        self._extra = {'socket': sock}
        for key, getter in (('sockname', sock.getsockname), ('peername', sock.getpeername)):
            try:
                self._extra[key] = getter()
            except OSError:
                self._extra[key] = None
        self._outgoing = collections.deque()
        self._outgoing_size = 0
        self._closing = False
        self._eof_requested = False
        self._reading = True
        self._protocol_paused = False
        self._high = _HIGH_WATER
        self._low = _HIGH_WATER // 4
        self._lost = False
        if server is not None:
            server._attach()
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._start_reading)

    def __repr__(self):
        state = 'closing' if self._closing else 'open'
        return f'<_SelectorSocketTransport fd={self._fd} {state}>'

    # --- information ---

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def is_closing(self):
        return self._closing

    def get_write_buffer_size(self):
        return self._outgoing_size

    def get_write_buffer_limits(self):
        return self._low, self._high

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = _HIGH_WATER if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high, self._low = high, low
        self._check_pressure()

    # --- reading ---

    def _start_reading(self):
        if self._reading and not self._closing:
            self._loop._add_fd(self._fd, False, self._on_readable, ())

    def is_reading(self):
        return self._reading and not self._closing

    def pause_reading(self):
        if self._closing or not self._reading:
            return
        self._reading = False
        self._loop._remove_fd(self._fd, False)

    def resume_reading(self):
        if self._closing or self._reading:
            return
        self._reading = True
        self._start_reading()

    def _on_readable(self):
        if self._lost:
            return
        try:
            data = self._sock.recv(_READ_SIZE)
        except _TRY_AGAIN:
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fail(exc, 'Fatal read error on socket transport')
            return
        if data:
            self._protocol.data_received(data)
            return
        self._loop._remove_fd(self._fd, False)
        keep_open = self._protocol.eof_received()
        if not keep_open:
            self.close()

    # --- writing ---

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._eof_requested:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data or self._closing:
            return
        if type(data) is not bytes:
            data = bytes(data)  # the caller may change a bytearray later
        if not self._outgoing:
            try:
                sent = self._sock.send(data)
            except _TRY_AGAIN:
                sent = 0
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fail(exc, 'Fatal write error on socket transport')
                return
            data = data[sent:]
            if not data:
                return
            self._loop._add_fd(self._fd, True, self._on_writable, ())
        self._outgoing.append(data)
        self._outgoing_size += len(data)
        self._check_pressure()

    def writelines(self, list_of_data):
        for data in list_of_data:
            self.write(data)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._eof_requested:
            return
        self._eof_requested = True
        if not self._outgoing:
            self._sock.shutdown(socket.SHUT_WR)

    def _on_writable(self):
        while self._outgoing:
            chunk = self._outgoing[0]
            try:
                sent = self._sock.send(chunk)
            except _TRY_AGAIN:
                break
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._loop._remove_fd(self._fd, True)
                self._outgoing.clear()
                self._outgoing_size = 0
                self._fail(exc, 'Fatal write error on socket transport')
                return
            self._outgoing_size -= sent
            if sent < len(chunk):
                self._outgoing[0] = chunk[sent:]
                break
            self._outgoing.popleft()
        self._check_pressure()
        if self._outgoing:
            return
        self._loop._remove_fd(self._fd, True)
        if self._closing:
            self._lose(None)
        elif self._eof_requested:
            self._sock.shutdown(socket.SHUT_WR)

    def _check_pressure(self):
        size = self._outgoing_size
        try:
            if not self._protocol_paused and size > self._high:
                self._protocol_paused = True
                self._protocol.pause_writing()
            elif self._protocol_paused and size <= self._low:
                self._protocol_paused = False
                self._protocol.resume_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'protocol.pause_writing() failed' if self._protocol_paused
                           else 'protocol.resume_writing() failed',
                'exception': exc, 'transport': self, 'protocol': self._protocol})

    # --- closing ---

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop._remove_fd(self._fd, False)
        if not self._outgoing:
            self._loop.call_soon(self._lose, None)

    def abort(self):
        self._force_close(None)

    def _force_close(self, exc):
        if self._lost:
            return
        if self._outgoing:
            self._outgoing.clear()
            self._outgoing_size = 0
            self._loop._remove_fd(self._fd, True)
        if not self._closing:
            self._closing = True
            self._loop._remove_fd(self._fd, False)
        self._loop.call_soon(self._lose, exc)

    def _fail(self, exc, message):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message, 'exception': exc,
                'transport': self, 'protocol': self._protocol})
        self._force_close(exc)

    def _lose(self, exc):
        if self._lost:
            return
        self._lost = True
        self._loop._remove_fd(self._fd, False)
        self._loop._remove_fd(self._fd, True)
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            server, self._server = self._server, None
            if server is not None:
                server._detach()


# --- servers ---

class Server:
    """Listening sockets that make a transport and protocol per client."""

    def __init__(self, loop, sockets, protocol_factory, backlog):
        self._loop = loop
        self._sockets = sockets
        self._factory = protocol_factory
        self._backlog = backlog
        self._active = 0
        self._serving = False
        self._close_waiters = []
        self._forever = None

    def __repr__(self):
        return f'<{type(self).__name__} sockets={self.sockets!r}>'

    def get_loop(self):
        return self._loop

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def is_serving(self):
        return self._serving

    def _attach(self):
        self._active += 1

    def _detach(self):
        self._active -= 1
        if self._active == 0 and self._sockets is None:
            self._wake_closers()

    def _wake_closers(self):
        waiters, self._close_waiters = self._close_waiters, None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(None)

    def _listen(self):
        if self._serving or self._sockets is None:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._add_fd(sock.fileno(), False, self._accept_from, (sock,))

    def _accept_from(self, listener):
        for _ in range(self._backlog):
            try:
                conn, addr = listener.accept()
            except _TRY_AGAIN:
                return
            except ConnectionAbortedError:
                continue
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    self._loop.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc, 'socket': listener})
                    return
                raise
            conn.setblocking(False)
            _SocketTransport(self._loop, conn, self._factory(), server=self)

    async def start_serving(self):
        self._listen()
        await _sleep0()

    def close(self):
        sockets, self._sockets = self._sockets, None
        if sockets is None:
            return
        for sock in sockets:
            self._loop._remove_fd(sock.fileno(), False)
        self._serving = False
        for sock in sockets:
            sock.close()
        if self._forever is not None and not self._forever.done():
            self._forever.cancel()
            self._forever = None
        if self._active == 0:
            self._wake_closers()

    async def wait_closed(self):
        if self._sockets is None or self._close_waiters is None:
            return
        waiter = self._loop.create_future()
        self._close_waiters.append(waiter)
        await waiter

    async def serve_forever(self):
        if self._forever is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._listen()
        self._forever = self._loop.create_future()
        try:
            await self._forever
        except BaseException:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._forever = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        self.close()
        await self.wait_closed()


async def _sleep0():
    from .tasks import sleep
    await sleep(0)


async def _connect_one(loop, family, type_, proto, address, local_addr):
    sock = socket.socket(family, type_, proto)
    try:
        sock.setblocking(False)
        if local_addr is not None:
            sock.bind(local_addr)
        await loop.sock_connect(sock, address)
        return sock
    except BaseException:
        sock.close()
        raise


async def _open_tcp_socket(loop, host, port, family, proto, flags, local_addr):
    infos = await loop._resolve(host, port, family=family, type=socket.SOCK_STREAM,
                                proto=proto, flags=flags)
    if not infos:
        raise OSError('getaddrinfo() returned empty list')
    errors = []
    for fam, type_, pro, _, address in infos:
        try:
            return await _connect_one(loop, fam, type_, pro, address, local_addr)
        except OSError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    messages = {str(e) for e in errors}
    if len(messages) == 1:
        raise errors[0]
    raise OSError('Multiple exceptions: ' + ', '.join(str(e) for e in errors))


async def _made(loop, transport, protocol):
    # connection_made runs from the loop; give it its turn first.
    await _sleep0()
    return transport, protocol


async def create_connection(loop, protocol_factory, host=None, port=None, *, ssl=None,
                            family=0, proto=0, flags=0, sock=None, local_addr=None,
                            server_hostname=None, **unsupported):
    if ssl:
        raise NotImplementedError('ssl is not supported')
    if sock is None:
        if host is None and port is None:
            raise ValueError('host and port was not specified and no sock specified')
        sock = await _open_tcp_socket(loop, host, port, family, proto, flags, local_addr)
    elif host is not None or port is not None:
        raise ValueError('host/port and sock can not be specified at the same time')
    sock.setblocking(False)
    protocol = protocol_factory()
    transport = _SocketTransport(loop, sock, protocol)
    return await _made(loop, transport, protocol)


async def create_unix_connection(loop, protocol_factory, path=None, *, ssl=None, sock=None,
                                 server_hostname=None, **unsupported):
    if ssl:
        raise NotImplementedError('ssl is not supported')
    if sock is None:
        if path is None:
            raise ValueError('no path and sock were specified')
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            await loop.sock_connect(sock, os.fspath(path))
        except BaseException:
            sock.close()
            raise
    elif path is not None:
        raise ValueError('path and sock can not be specified at the same time')
    sock.setblocking(False)
    protocol = protocol_factory()
    transport = _SocketTransport(loop, sock, protocol)
    return await _made(loop, transport, protocol)


def _bind_all(infos, reuse_address, reuse_port):
    sockets = []
    try:
        for family, type_, proto, _, address in infos:
            try:
                sock = socket.socket(family, type_, proto)
            except OSError:
                continue
            sockets.append(sock)
            if reuse_address:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
            if reuse_port:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, True)
            if family == socket.AF_INET6 and hasattr(socket, 'IPPROTO_IPV6'):
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
            try:
                sock.bind(address)
            except OSError as err:
                raise OSError(err.errno, f'error while attempting to bind on address '
                                         f'{address!r}: {err.strerror.lower()}') from None
        return sockets
    except BaseException:
        for sock in sockets:
            sock.close()
        raise


async def create_server(loop, protocol_factory, host=None, port=None, *, family=socket.AF_UNSPEC,
                        flags=socket.AI_PASSIVE, sock=None, backlog=100, ssl=None,
                        reuse_address=None, reuse_port=None, start_serving=True,
                        **unsupported):
    if ssl:
        raise NotImplementedError('ssl is not supported')
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        sockets = [sock]
    else:
        if reuse_address is None:
            reuse_address = os.name == 'posix'
        hosts = [None] if host in (None, '') else (
            [host] if isinstance(host, str) else list(host))
        infos = []
        for h in hosts:
            for info in await loop.getaddrinfo(h, port, family=family,
                                               type=socket.SOCK_STREAM, flags=flags):
                if info not in infos:
                    infos.append(info)
        sockets = _bind_all(infos, reuse_address, reuse_port)
    for s in sockets:
        s.setblocking(False)
    server = Server(loop, sockets, protocol_factory, backlog)
    if start_serving:
        server._listen()
        await _sleep0()
    return server


async def create_unix_server(loop, protocol_factory, path=None, *, sock=None, backlog=100,
                             ssl=None, start_serving=True, **unsupported):
    if ssl:
        raise NotImplementedError('ssl is not supported')
    if sock is None:
        if path is None:
            raise ValueError('path was not specified, and no sock specified')
        path = os.fspath(path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(path)
        except OSError as exc:
            sock.close()
            if exc.errno == errno.EADDRINUSE:
                raise OSError(errno.EADDRINUSE, f'Address {path!r} is already in use') from None
            raise
    elif path is not None:
        raise ValueError('path and sock can not be specified at the same time')
    sock.setblocking(False)
    server = Server(loop, [sock], protocol_factory, backlog)
    if start_serving:
        server._listen()
        await _sleep0()
    return server
