"""Streams: reading and writing a connection with await instead of
callbacks (open_connection, start_server, StreamReader, StreamWriter).

A _StreamProtocol sits between a transport and the two stream objects:
bytes the transport receives go into the StreamReader's buffer, where
read()/readline()/readexactly()/readuntil() wait for them; StreamWriter
writes through the transport and drain() waits while the transport says
its buffer is too full (pause_writing/resume_writing). The reader pauses
the transport's reading when its own buffer grows past twice its limit.
"""

import collections
import socket

from . import sockio
from .errors import IncompleteReadError, LimitOverrunError
from .kinds import iscoroutine
from .loop import get_event_loop, get_running_loop
from .tasks import sleep

__all__ = ('StreamReader', 'StreamWriter', 'StreamReaderProtocol', 'open_connection',
           'start_server', 'open_unix_connection', 'start_unix_server')

_DEFAULT_LIMIT = 2 ** 16


class StreamReader:

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        fields = (
            (self._buffer, lambda: f'{len(self._buffer)} bytes'),
            (self._eof, lambda: 'eof'),
            (self._limit != _DEFAULT_LIMIT, lambda: f'limit={self._limit}'),
            (self._waiter, lambda: f'waiter={self._waiter!r}'),
            (self._exception, lambda: f'exception={self._exception!r}'),
            (self._transport, lambda: f'transport={self._transport!r}'),
            (self._paused, lambda: 'paused'),
        )
        return '<' + ' '.join(['StreamReader'] + [text() for shown, text in fields if shown]) + '>'

    # --- the protocol's side ---

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        self._wake(exc)

    def set_transport(self, transport):
        if self._transport is not None:
            raise AssertionError('Transport already set')
        self._transport = transport

    def feed_eof(self):
        self._eof = True
        self._wake()

    def feed_data(self, data):
        if self._eof:
            raise AssertionError('feed_data after feed_eof')
        if not data:
            return
        self._buffer += data
        self._wake()
        if (self._transport is not None and not self._paused
                and len(self._buffer) > 2 * self._limit):
            self._paused = True
            self._transport.pause_reading()

    def at_eof(self):
        return self._eof and not self._buffer

    def _wake(self, exc=None):
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.cancelled():
            if exc is None:
                waiter.set_result(None)
            else:
                waiter.set_exception(exc)

    def _consumed(self, force=False):
        if self._paused and (force or len(self._buffer) <= self._limit):
            self._paused = False
            self._transport.resume_reading()

    async def _more(self, caller):
        if self._waiter is not None:
            raise RuntimeError(f'{caller}() called while another coroutine is '
                               f'already waiting for incoming data')
        if self._eof:
            raise AssertionError('_wait_for_data after EOF')
        # Waiting means the buffer does not hold what we need: read more.
        self._consumed(force=True)
        arrived = self._waiter = self._loop.create_future()
        try:
            await arrived
        finally:
            self._waiter = None

    def _take(self, n):
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._consumed()
        return data

    # --- the reading API ---

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            parts = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    return b''.join(parts)
                parts.append(block)
        if not self._buffer and not self._eof:
            await self._more('read')
        return self._take(n)

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        while len(self._buffer) < n:
            if self._eof:
                partial = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(partial, n)
            await self._more('readexactly')
        return self._take(n)

    async def readuntil(self, separator=b'\n'):
        width = len(separator)
        if width == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        start = 0
        while True:
            if len(self._buffer) - start >= width:
                found = self._buffer.find(separator, start)
                if found != -1:
                    break
                start = len(self._buffer) + 1 - width
                if start > self._limit:
                    raise LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit', start)
            if self._eof:
                partial = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(partial, None)
            await self._more('readuntil')
        if found > self._limit:
            raise LimitOverrunError('Separator is found, but chunk is longer than limit', found)
        return self._take(found + width)

    async def readline(self):
        end = self._buffer.find(b'\n')
        if 0 <= end <= self._limit and self._exception is None:
            # The whole line is here already: no wait, no readuntil frame.
            return self._take(end + 1)
        try:
            return await self.readuntil(b'\n')
        except IncompleteReadError as err:
            return err.partial
        except LimitOverrunError as err:
            if self._buffer.startswith(b'\n', err.consumed):
                del self._buffer[:err.consumed + 1]
            else:
                self._buffer.clear()
            self._consumed()
            raise ValueError(err.args[0])

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b'':
            raise StopAsyncIteration
        return line


class StreamReaderProtocol(sockio.Protocol):
    """Feeds a StreamReader from a transport; with a callback, makes the
    StreamWriter for each new connection and runs the callback."""

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._reader = stream_reader
        self._client_connected_cb = client_connected_cb
        self._transport = None
        self._writer = None
        self._task = None
        self._lost = False
        self._paused = False
        self._drain_waiters = collections.deque()
        self._closed = self._loop.create_future()

    def connection_made(self, transport):
        self._transport = transport
        self._reader.set_transport(transport)
        if self._client_connected_cb is None:
            return
        self._writer = StreamWriter(transport, self, self._reader, self._loop)
        result = self._client_connected_cb(self._reader, self._writer)
        if iscoroutine(result):
            self._task = self._loop.create_task(result)

    def connection_lost(self, exc):
        self._lost = True
        if exc is None:
            self._reader.feed_eof()
        else:
            self._reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
                self._closed.exception()
        for resumed in list(self._drain_waiters):
            if resumed.done():
                continue
            if exc is not None:
                resumed.set_exception(exc)
            else:
                resumed.set_result(None)
        self._transport = None
        self._writer = None
        self._task = None

    def data_received(self, data):
        self._reader.feed_data(data)

    def eof_received(self):
        self._reader.feed_eof()
        return True

    def pause_writing(self):
        self._paused = True

    def resume_writing(self):
        self._paused = False
        for waiter in self._drain_waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def _drain_helper(self):
        if self._lost:
            raise ConnectionResetError('Connection lost')
        if self._paused:
            resumed = self._loop.create_future()
            self._drain_waiters.append(resumed)
            try:
                await resumed
            finally:
                self._drain_waiters.remove(resumed)

    def _get_close_waiter(self, stream):
        return self._closed


class StreamWriter:
    """The writing half of a connection (and its close/extra-info API)."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    @property
    def transport(self):
        return self._transport

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    def is_closing(self):
        return self._transport.is_closing()

    def close(self):
        return self._transport.close()

    async def wait_closed(self):
        await self._protocol._get_close_waiter(self)

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def write_eof(self):
        return self._transport.write_eof()

    def writelines(self, data):
        self._transport.writelines(data)

    def write(self, data):
        self._transport.write(data)

    async def drain(self):
        """Waits until the transport's buffer is below its low-water mark;
        raises what broke the connection."""
        failure = None if self._reader is None else self._reader.exception()
        if failure is not None:
            raise failure
        protocol = self._protocol
        if self._transport.is_closing():
            # Let connection_lost run, so the helper below sees it.
            await sleep(0)
        elif not protocol._paused and not protocol._lost:
            return
        await protocol._drain_helper()

    def __repr__(self):
        parts = [type(self).__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            parts.append(f'reader={self._reader!r}')
        return '<' + ' '.join(parts) + '>'


def _stream_pair_factory(limit, loop, callback=None):
    def make():
        reader = StreamReader(limit=limit, loop=loop)
        return StreamReaderProtocol(reader, callback, loop=loop)
    return make


async def _open(connect, limit):
    loop = get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await connect(loop, lambda: protocol)
    return reader, StreamWriter(transport, protocol, reader, loop)


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connects to host:port; returns (StreamReader, StreamWriter)."""
    return await _open(lambda loop, f: loop.create_connection(f, host, port, **kwds), limit)


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connects to a Unix socket; returns (StreamReader, StreamWriter)."""
    return await _open(lambda loop, f: loop.create_unix_connection(f, path, **kwds), limit)


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT,
                       **kwds):
    """Serves host:port; client_connected_cb(reader, writer) runs per client."""
    loop = get_running_loop()
    factory = _stream_pair_factory(limit, loop, client_connected_cb)
    return await loop.create_server(factory, host, port, **kwds)


async def start_unix_server(client_connected_cb, path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Serves a Unix socket path; client_connected_cb(reader, writer) per client."""
    loop = get_running_loop()
    factory = _stream_pair_factory(limit, loop, client_connected_cb)
    return await loop.create_unix_server(factory, path, **kwds)
