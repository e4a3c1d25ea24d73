"""Servers that accept connections and hand each one to a handler class.

A server owns a listening socket; serve_forever() waits on it with a
selector (waking every poll_interval to notice shutdown()), accepts, and
calls RequestHandlerClass(request, peer, server). With
ThreadingMixIn each request runs in its own thread; the server remembers the
non-daemon ones so that server_close() can join them.

shutdown() must be called from another thread than serve_forever(): it asks
the loop to stop and waits on an Event the loop sets as it leaves.
"""

import os
import selectors
import socket
import sys
import threading
import traceback
from io import BytesIO
from time import monotonic

__all__ = ["BaseServer", "TCPServer", "UDPServer", "ThreadingUDPServer",
           "ThreadingTCPServer", "BaseRequestHandler", "StreamRequestHandler",
           "DatagramRequestHandler", "ThreadingMixIn", "UnixStreamServer",
           "UnixDatagramServer", "ThreadingUnixStreamServer",
           "ThreadingUnixDatagramServer"]

_Selector = getattr(selectors, "PollSelector", selectors.SelectSelector)


class BaseServer:
    """The request loop, independent of the kind of socket."""

    timeout = None  # handle_request() waits at most this long (None: forever)

    def __init__(self, server_address, RequestHandlerClass):
        self.server_address, self.RequestHandlerClass = server_address, RequestHandlerClass
        # Set by shutdown(), read by the loop; the loop sets _stopped on leaving.
        self._stop_asked = False
        self._stopped = threading.Event()

    def server_activate(self):
        """Hook: start listening (TCPServer calls listen())."""

    def handle_timeout(self):
        """Hook: handle_request() waited self.timeout for nothing."""

    def verify_request(self, request, peer):
        """Hook: return False to refuse a connection."""
        return True

    def process_request(self, request, peer):
        """Handle the request here and now (ThreadingMixIn overrides it)."""
        self.finish_request(request, peer)
        self.shutdown_request(request)

    def server_close(self):
        """Hook: release the server's resources."""

    def finish_request(self, request, peer):
        """Run the handler class on one request."""
        self.RequestHandlerClass(request, peer, self)

    def shutdown_request(self, request):
        """End a request's conversation and release it."""
        self.close_request(request)

    def close_request(self, request):
        """Hook: release one request."""

    def serve_forever(self, poll_interval=0.5):
        """Handle requests until shutdown() is called."""
        self._stopped.clear()
        try:
            with _Selector() as selector:
                selector.register(self, selectors.EVENT_READ)
                while not self._stop_asked:
                    events = selector.select(poll_interval)
                    if events and not self._stop_asked:
                        self._handle_request_noblock()
                    if not self._stop_asked:
                        self.service_actions()
        finally:
            self._stop_asked = False
            self._stopped.set()

    def shutdown(self):
        """Stop serve_forever() and wait until it has returned."""
        self._stop_asked = True
        self._stopped.wait()

    def service_actions(self):
        """Called once per loop of serve_forever()."""

    def handle_request(self):
        """Handle one request, waiting at most self.timeout for it."""
        limits = [t for t in (self.socket.gettimeout(), self.timeout) if t is not None]
        timeout = min(limits) if limits else None
        deadline = None if timeout is None else monotonic() + timeout
        with _Selector() as selector:
            selector.register(self, selectors.EVENT_READ)
            while True:
                if selector.select(timeout):
                    return self._handle_request_noblock()
                if deadline is not None:
                    timeout = deadline - monotonic()
                    if timeout < 0:
                        return self.handle_timeout()

    def _handle_request_noblock(self):
        """Accept one connection (the selector said one is waiting) and
        process it; a handler's Exception is reported, not raised."""
        try:
            accepted = self.get_request()
        except OSError:
            return
        request, peer = accepted
        if self.verify_request(request, peer):
            try:
                self.process_request(request, peer)
                return
            except Exception:
                self.handle_error(request, peer)
            except BaseException:
                self.shutdown_request(request)
                raise
        self.shutdown_request(request)

    def handle_error(self, request, peer):
        """Print the traceback of a handler's exception and carry on."""
        bar = "-" * 40
        print(bar, file=sys.stderr)
        print("Exception occurred during processing of request from",
              peer, file=sys.stderr)
        traceback.print_exc()
        print(bar, file=sys.stderr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server_close()


class TCPServer(BaseServer):
    """A server on a stream socket (AF_INET unless address_family says)."""

    address_family, socket_type = socket.AF_INET, socket.SOCK_STREAM
    request_queue_size = 5       # the listen() backlog
    allow_reuse_address = allow_reuse_port = False

    def __init__(self, server_address, RequestHandlerClass, bind_and_activate=True):
        super().__init__(server_address, RequestHandlerClass)
        self.socket = socket.socket(self.address_family, self.socket_type)
        if not bind_and_activate:
            return
        try:
            self.server_bind()
            self.server_activate()
        except BaseException:
            self.server_close()
            raise

    def fileno(self):
        """The listening socket's descriptor, so a selector can wait on it."""
        return self.socket.fileno()

    def get_request(self):
        """(connection, client address) of the next connection."""
        return self.socket.accept()

    def shutdown_request(self, request):
        """Send FIN first, so the client sees the end of the response even
        if unread input makes close() reset the connection."""
        try:
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.close_request(request)

    def close_request(self, request):
        """Close the connection socket."""
        request.close()

    def server_bind(self):
        """Bind to server_address, then record the address actually bound
        (the port chosen for port 0)."""
        for wanted, option in ((self.allow_reuse_address, "SO_REUSEADDR"),
                               (self.allow_reuse_port, "SO_REUSEPORT")):
            if wanted and hasattr(socket, option):
                self.socket.setsockopt(socket.SOL_SOCKET, getattr(socket, option), 1)
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()

    def server_activate(self):
        """Listen, with request_queue_size as the backlog."""
        self.socket.listen(self.request_queue_size)

    def server_close(self):
        """Close the listening socket."""
        self.socket.close()


class UDPServer(TCPServer):
    """A server on a datagram socket: each datagram is one request, given
    to the handler as (data, socket)."""

    socket_type = socket.SOCK_DGRAM
    max_packet_size = 8192

    def get_request(self):
        packet, sender = self.socket.recvfrom(self.max_packet_size)
        return (packet, self.socket), sender

    def server_activate(self):
        """Datagram sockets do not listen."""

    def shutdown_request(self, request):
        """Nothing to shut down: the socket is the server's own."""

    close_request = shutdown_request


class _ThreadList(list):
    """The request threads a server will join on close; finished ones are
    dropped as new ones are added, so a long-lived server does not grow."""

    def append(self, thread):
        self[:] = [t for t in self if t.is_alive()]
        list.append(self, thread)

    def pop_all(self):
        threads, self[:] = self[:], []
        return threads

    def join(self):
        for thread in self.pop_all():
            thread.join()


class _NoThreadList(_ThreadList):
    def append(self, thread):
        pass


class ThreadingMixIn:
    """Run each request in a new thread."""

    daemon_threads = False
    block_on_close = True
    _threads = _NoThreadList()

    def server_close(self):
        super().server_close()
        self._threads.join()

    def process_request_thread(self, request, peer):
        """The body of a request's thread."""
        try:
            self.finish_request(request, peer)
        except Exception:
            self.handle_error(request, peer)
        self.shutdown_request(request)

    def process_request(self, request, peer):
        if self.block_on_close and "_threads" not in vars(self):
            self._threads = _ThreadList()
        thread = threading.Thread(target=self.process_request_thread,
                                  args=(request, peer))
        thread.daemon = self.daemon_threads
        self._threads.append(thread)
        thread.start()

class ThreadingTCPServer(ThreadingMixIn, TCPServer):
    pass


class ThreadingUDPServer(ThreadingMixIn, UDPServer):
    pass


if hasattr(socket, "AF_UNIX"):
    class UnixStreamServer(TCPServer):
        """A stream server on a Unix socket path."""
        address_family = socket.AF_UNIX

    class UnixDatagramServer(UDPServer):
        """A datagram server on a Unix socket path."""
        address_family = socket.AF_UNIX

    class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer):
        pass

    class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer):
        pass


class BaseRequestHandler:
    """One request: setup(), handle(), then finish() even if handle raised."""

    def __init__(self, request, client_address, server):
        self.request, self.client_address, self.server = request, client_address, server
        self.setup()
        try:
            self.handle()
        finally:
            self.finish()

    def setup(self):
        """Hook: prepare for handle()."""

    def handle(self):
        """Hook: serve the request."""

    def finish(self):
        """Hook: clean up after handle(), even when it raised."""


class _SocketWriter:
    """wfile for an unbuffered handler: every write goes straight out."""

    def __init__(self, sock):
        self._sock = sock
        self.closed = False

    def writable(self):
        """Always: this object only writes."""
        return True

    def write(self, b):
        self._sock.sendall(b)
        return len(b)

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def fileno(self):
        return self._sock.fileno()


class StreamRequestHandler(BaseRequestHandler):
    """A handler with rfile/wfile over the connection."""

    timeout = None                   # socket timeout for the connection
    disable_nagle_algorithm = False  # set TCP_NODELAY
    rbufsize, wbufsize = -1, 0       # wbufsize 0: writes are sent at once

    def setup(self):
        conn = self.connection = self.request
        if self.timeout is not None:
            conn.settimeout(self.timeout)
        if self.disable_nagle_algorithm:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.rfile = conn.makefile("rb", self.rbufsize)
        self.wfile = (_SocketWriter(conn) if self.wbufsize == 0
                      else conn.makefile("wb", self.wbufsize))

    def finish(self):
        try:
            if not self.wfile.closed:
                self.wfile.flush()
        except OSError:
            pass  # the peer went away; nothing more can be sent
        for f in (self.wfile, self.rfile):
            f.close()


class DatagramRequestHandler(BaseRequestHandler):
    """A handler for one datagram: rfile holds it, wfile is sent back."""

    def setup(self):
        self.packet, self.socket = self.request
        self.rfile, self.wfile = BytesIO(self.packet), BytesIO()

    def finish(self):
        reply = self.wfile.getvalue()
        self.socket.sendto(reply, self.client_address)
