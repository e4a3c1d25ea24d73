"""HTTP/1.1 client: HTTPConnection, HTTPSConnection and HTTPResponse.

A connection sends one request at a time and keeps its socket for the next
one (keep-alive) unless the server said it will close. The states follow
CPython's: Idle -> Request-started (putrequest) -> Request-sent (endheaders)
-> Idle again once getresponse() has read the status line and headers. The
body is read from the response, which knows its framing: a Content-Length, a
chunked transfer coding, or "until the server closes".
"""

import io
import socket
from email.message import Message, _parse_header_lines

try:
    import ssl  # imported here, not in a method that threads may run at once
except ImportError:
    ssl = None
from http import HTTPStatus
from urllib.parse import urlsplit

__all__ = ["HTTPResponse", "HTTPConnection", "HTTPException", "NotConnected",
           "UnknownProtocol", "UnknownTransferEncoding", "UnimplementedFileMode",
           "IncompleteRead", "InvalidURL", "ImproperConnectionState",
           "CannotSendRequest", "CannotSendHeader", "ResponseNotReady",
           "BadStatusLine", "LineTooLong", "RemoteDisconnected", "error",
           "responses", "HTTPSConnection", "HTTPMessage", "parse_headers"]

HTTP_PORT = 80
HTTPS_PORT = 443
_UNKNOWN = "UNKNOWN"
_CS_IDLE = "Idle"
_CS_REQ_STARTED = "Request-started"
_CS_REQ_SENT = "Request-sent"
_MAXLINE = 65536
_MAXHEADERS = 100
_BODY_METHODS = frozenset(("PATCH", "POST", "PUT"))

globals().update(HTTPStatus.__members__)
responses = {s.value: s.phrase for s in HTTPStatus}


# ---------------------------------------------------------------- errors

class HTTPException(Exception):
    """The base of this module's errors."""


class NotConnected(HTTPException):
    """send() on a closed connection with auto_open off."""


class InvalidURL(HTTPException):
    """A host, port or URL that cannot be sent."""


class UnknownProtocol(HTTPException):
    """A status line with an HTTP version other than 0.9, 1.0 or 1.1."""

    def __init__(self, version):
        self.args = (version,)
        self.version = version


class UnknownTransferEncoding(HTTPException):
    """Kept for compatibility; not raised."""


class UnimplementedFileMode(HTTPException):
    """Kept for compatibility; not raised."""


class IncompleteRead(HTTPException):
    """The connection ended inside a body; partial holds what arrived."""

    def __init__(self, partial, expected=None):
        self.args = (partial,)
        self.partial = partial
        self.expected = expected

    def __repr__(self):
        more = ", %i more expected" % self.expected if self.expected is not None else ""
        return "%s(%i bytes read%s)" % (type(self).__name__, len(self.partial), more)

    __str__ = object.__str__


class ImproperConnectionState(HTTPException):
    """A method called in the wrong state."""


class CannotSendRequest(ImproperConnectionState):
    """putrequest() while another request is under way."""


class CannotSendHeader(ImproperConnectionState):
    """putheader() or endheaders() outside a request."""


class ResponseNotReady(ImproperConnectionState):
    """getresponse() before a request was sent."""


class BadStatusLine(HTTPException):
    """A status line that is not 'HTTP/x.y NNN reason'."""

    def __init__(self, line):
        if not line:
            line = repr(line)
        self.args = (line,)
        self.line = line


class LineTooLong(HTTPException):
    """A status, header or chunk line longer than _MAXLINE."""

    def __init__(self, line_type):
        HTTPException.__init__(self, "got more than %d bytes when reading %s"
                               % (_MAXLINE, line_type))


class RemoteDisconnected(ConnectionResetError, BadStatusLine):
    def __init__(self, *args, **kwargs):
        BadStatusLine.__init__(self, "")
        ConnectionResetError.__init__(self, *args, **kwargs)


error = HTTPException


# ---------------------------------------------------------------- headers

class HTTPMessage(Message):
    """The headers of a request or response."""

    def getallmatchingheaders(self, name):
        """Always an empty list, as in CPython 3.11, whose version compares
        header names with 'name:' and so never matches (use get_all)."""
        return []


def _read_header_lines(fp):
    lines = []
    while True:
        line = fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("header line")
        lines.append(line)
        if len(lines) > _MAXHEADERS:
            raise HTTPException("got more than %d headers" % _MAXHEADERS)
        if line in (b"\r\n", b"\n", b""):
            return lines


def parse_headers(fp, _class=HTTPMessage):
    """Read header lines from a binary file up to the blank line."""
    lines = _read_header_lines(fp)
    msg = _class()
    text = b"".join(lines).decode("iso-8859-1")
    _parse_header_lines(msg, text.splitlines(True)[:-1])
    return msg


# ---------------------------------------------------------------- response

class HTTPResponse(io.BufferedIOBase):
    """The status, headers and body stream of one response."""

    def __init__(self, sock, debuglevel=0, method=None, url=None):
        self.fp = sock.makefile("rb")
        self.debuglevel = debuglevel
        self._method = method
        self.headers = self.msg = None
        self.version = _UNKNOWN
        self.status = _UNKNOWN
        self.reason = _UNKNOWN
        self.chunked = _UNKNOWN
        self.chunk_left = _UNKNOWN
        self.length = _UNKNOWN
        self.will_close = _UNKNOWN
        self.url = url

    # -- headers ---------------------------------------------------------
    def getheader(self, name, default=None):
        if self.headers is None:
            raise ResponseNotReady()
        values = self.headers.get_all(name)
        if values is not None:
            return ", ".join(values)
        if isinstance(default, str) or not hasattr(default, "__iter__"):
            return default
        return ", ".join(default)

    def getheaders(self):
        if self.headers is None:
            raise ResponseNotReady()
        return list(self.headers.items())

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status

    # -- status line and headers -----------------------------------------
    def _read_status(self):
        line = self.fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("status line")
        if not line:
            raise RemoteDisconnected("Remote end closed connection without response")
        text = line.decode("iso-8859-1")
        version, _, rest = text.partition(" ")
        status, _, reason = rest.partition(" ")
        if not version.startswith("HTTP/"):
            self._close_conn()
            raise BadStatusLine(text)
        try:
            code = int(status)
        except ValueError:
            raise BadStatusLine(text) from None
        if len(status) != 3 or not 100 <= code <= 999:
            raise BadStatusLine(text)
        return version, code, reason.strip()

    def begin(self):
        if self.headers is not None:
            return
        while True:
            version, status, reason = self._read_status()
            if status != 100:
                break
            _read_header_lines(self.fp)
        self.code = self.status = status
        self.reason = reason
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise UnknownProtocol(version)
        self.headers = self.msg = parse_headers(self.fp)
        coding = self.headers.get("transfer-encoding")
        self.chunked = bool(coding) and coding.lower() == "chunked"
        self.chunk_left = None
        self.will_close = self._check_close()
        self.length = None
        length = self.headers.get("content-length")
        if length is not None and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:
                    self.length = None
        if (status in (HTTPStatus.NO_CONTENT, HTTPStatus.NOT_MODIFIED)
                or 100 <= status < 200 or self._method == "HEAD"):
            self.length = 0
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True

    def _check_close(self):
        conn = (self.headers.get("connection") or "").lower()
        if self.version == 11:
            return "close" in conn
        if self.headers.get("keep-alive"):
            return False
        if "keep-alive" in conn:
            return False
        return (self.headers.get("proxy-connection") or "").lower() != "keep-alive"

    # -- body ----------------------------------------------------------------
    def read(self, amt=None):
        if self.fp is None:
            return b""
        if self._method == "HEAD":
            self._close_conn()
            return b""
        if self.chunked:
            return self._read_chunked(amt)
        if amt is not None and amt >= 0:
            if self.length is not None and amt > self.length:
                amt = self.length
            data = self.fp.read(amt)
            if not data and amt:
                self._close_conn()
            elif self.length is not None:
                self.length -= len(data)
                if not self.length:
                    self._close_conn()
            return data
        if self.length is None:
            data = self.fp.read()
        else:
            data = self._read_exactly(self.length)
            self.length = 0
        self._close_conn()
        return data

    def _read_exactly(self, size):
        data = self.fp.read(size)
        if len(data) < size:
            raise IncompleteRead(data, size - len(data))
        return data

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def _next_chunk_size(self):
        line = self.fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("chunk size")
        size_text = line.split(b";", 1)[0]
        try:
            return int(size_text, 16)
        except ValueError:
            self._close_conn()
            raise IncompleteRead(b"") from None

    def _finish_chunked(self):
        while True:
            line = self.fp.readline(_MAXLINE + 1)
            if len(line) > _MAXLINE:
                raise LineTooLong("trailer line")
            if line in (b"\r\n", b"\n", b""):
                break
        self._close_conn()

    def _chunk_left(self):
        """Bytes left in the current chunk, reading the next size line when
        the current chunk is used up; 0 at the end of the body."""
        left = self.chunk_left
        if left == 0:
            self._read_exactly(2)
            left = None
        if left is None:
            left = self._next_chunk_size()
            if left == 0:
                self._finish_chunked()
            self.chunk_left = left
        return left

    def _read_chunked(self, amt=None):
        parts = []
        try:
            while amt is None or amt > 0:
                left = self._chunk_left()
                if left == 0:
                    break
                take = left if amt is None else min(left, amt)
                parts.append(self._read_exactly(take))
                self.chunk_left = left - take
                if amt is not None:
                    amt -= take
        except IncompleteRead as exc:
            raise IncompleteRead(b"".join(parts)) from exc
        return b"".join(parts)

    def read1(self, n=-1):
        return self.read(None if n is None or n < 0 else n)

    def peek(self, n=-1):
        return b""

    def readline(self, limit=-1):
        if self.fp is None or self._method == "HEAD":
            return b""
        if self.chunked:
            out = bytearray()
            while limit < 0 or len(out) < limit:
                byte = self._read_chunked(1)
                if not byte:
                    break
                out += byte
                if byte == b"\n":
                    break
            return bytes(out)
        if self.length is not None and (limit < 0 or limit > self.length):
            limit = self.length
        line = self.fp.readline(limit)
        if not line and limit:
            self._close_conn()
        elif self.length is not None:
            self.length -= len(line)
            if not self.length:
                self._close_conn()
        return line

    # -- closing -----------------------------------------------------------
    def _close_conn(self):
        fp, self.fp = self.fp, None
        if fp is not None:
            fp.close()

    def close(self):
        try:
            self._close_conn()
        finally:
            super().close()

    def isclosed(self):
        return self.fp is None

    def flush(self):
        if self.fp:
            self.fp.flush()

    def readable(self):
        return True

    def fileno(self):
        return self.fp.fileno()


# ---------------------------------------------------------------- connection

_WHITESPACE = b" \t\r\n\x0b\x0c"


def _legal_header_name(name):
    """RFC 7230 leniently: no colon or line break, not starting with space."""
    if not name or name[:1] in b":" or name[0] in _WHITESPACE:
        return False
    return b":" not in name and b"\r" not in name and b"\n" not in name


def _illegal_header_value(value):
    """A line break in a value is allowed only as folding (followed by
    space or tab; CR may also be followed by LF)."""
    for i, byte in enumerate(value):
        after = value[i + 1:i + 2]
        if byte == 10 and after not in (b" ", b"\t"):
            return True
        if byte == 13 and after not in (b" ", b"\t", b"\n"):
            return True
    return False


def _encode_request_line(method, url):
    for ch in method:
        if ord(ch) <= 32 or ord(ch) == 127:
            raise ValueError(f"method can't contain control characters. {method!r} "
                             f"(found at least {ch!r})")
    for ch in url:
        if ord(ch) <= 32 or ord(ch) == 127:
            raise InvalidURL(f"URL can't contain control characters. {url!r} "
                             f"(found at least {ch!r})")
    return f"{method} {url} HTTP/1.1".encode("ascii")


class HTTPConnection:
    """One connection to an HTTP server, reused across requests."""

    _http_vsn = 11
    _http_vsn_str = "HTTP/1.1"
    response_class = HTTPResponse
    default_port = HTTP_PORT
    auto_open = 1
    debuglevel = 0

    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                 source_address=None, blocksize=8192):
        self.timeout = timeout
        self.source_address = source_address
        self.blocksize = blocksize
        self.sock = None
        self._buffer = []
        self._response = None
        self._state = _CS_IDLE
        self._method = None
        self._tunnel_host = None
        self.host, self.port = self._get_hostport(host, port)
        self._create_connection = socket.create_connection

    def _get_hostport(self, host, port):
        if port is None:
            colon = host.rfind(":")
            bracket = host.rfind("]")
            if colon > bracket:
                digits = host[colon + 1:]
                if digits == "":
                    port = self.default_port
                elif digits.isdigit():
                    port = int(digits)
                else:
                    raise InvalidURL("nonnumeric port: '%s'" % digits)
                host = host[:colon]
            else:
                port = self.default_port
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        return host, port

    def set_debuglevel(self, level):
        self.debuglevel = level

    def set_tunnel(self, host, port=None, headers=None):
        raise NotImplementedError("http.client: proxy tunnels (set_tunnel) are not supported")

    def connect(self):
        """Open the socket (with TCP_NODELAY, as CPython does)."""
        self.sock = self._create_connection((self.host, self.port), self.timeout,
                                            self.source_address)
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def close(self):
        self._state = _CS_IDLE
        try:
            sock, self.sock = self.sock, None
            if sock:
                sock.close()
        finally:
            response, self._response = self._response, None
            if response:
                response.close()

    def send(self, data):
        """Send bytes, a file-like object or an iterable of bytes."""
        if self.sock is None:
            if self.auto_open:
                self.connect()
            else:
                raise NotConnected()
        if hasattr(data, "read"):
            text = "b" not in getattr(data, "mode", "b")
            while True:
                block = data.read(self.blocksize)
                if not block:
                    break
                self.sock.sendall(block.encode("iso-8859-1") if text else block)
            return
        try:
            self.sock.sendall(data)
        except TypeError:
            if isinstance(data, str):
                raise
            try:
                chunks = iter(data)
            except TypeError:
                raise TypeError("data should be a bytes-like object or an iterable, "
                                "got %r" % type(data)) from None
            for chunk in chunks:
                self.sock.sendall(chunk)

    def _output(self, line):
        self._buffer.append(line)

    def putrequest(self, method, url, skip_host=False, skip_accept_encoding=False):
        if self._response and self._response.isclosed():
            self._response = None
        if self._state != _CS_IDLE:
            raise CannotSendRequest(self._state)
        self._state = _CS_REQ_STARTED
        self._method = method
        url = url or "/"
        self._buffer = [_encode_request_line(method, url)]
        if not skip_host:
            self._put_host(url)
        if not skip_accept_encoding:
            self.putheader("Accept-Encoding", "identity")

    def _put_host(self, url):
        netloc = ""
        if url.startswith("http"):
            netloc = urlsplit(url).netloc
        if netloc:
            self.putheader("Host", netloc.encode("idna") if not netloc.isascii() else netloc)
            return
        host = self.host
        if ":" in host:
            host = "[" + host + "]"
        if self.port == self.default_port:
            self.putheader("Host", host)
        else:
            self.putheader("Host", "%s:%s" % (host, self.port))

    def putheader(self, header, *values):
        if self._state != _CS_REQ_STARTED:
            raise CannotSendHeader()
        if isinstance(header, str):
            header = header.encode("ascii")
        if not _legal_header_name(header):
            raise ValueError("Invalid header name %r" % (header,))
        encoded = []
        for value in values:
            if isinstance(value, str):
                value = value.encode("latin-1")
            elif isinstance(value, int):
                value = str(value).encode("ascii")
            if _illegal_header_value(value):
                raise ValueError("Invalid header value %r" % (value,))
            encoded.append(value)
        self._output(header + b": " + b"\r\n\t".join(encoded))

    def endheaders(self, message_body=None, *, encode_chunked=False):
        if self._state != _CS_REQ_STARTED:
            raise CannotSendHeader()
        self._state = _CS_REQ_SENT
        self._send_output(message_body, encode_chunked)

    def _send_output(self, body, encode_chunked):
        self._buffer.extend((b"", b""))
        head = b"\r\n".join(self._buffer)
        self._buffer = []
        if isinstance(body, (bytes, bytearray)) and not encode_chunked:
            self.send(head + bytes(body))
            return
        self.send(head)
        if body is None:
            return
        if not encode_chunked:
            self.send(body)
            return
        for chunk in _body_chunks(body, self.blocksize):
            if chunk:
                self.send(b"%X\r\n%s\r\n" % (len(chunk), chunk))
        self.send(b"0\r\n\r\n")

    def request(self, method, url, body=None, headers={}, *, encode_chunked=False):
        names = {name.lower() for name in headers}
        self.putrequest(method, url, skip_host="host" in names,
                        skip_accept_encoding="accept-encoding" in names)
        if "content-length" not in names:
            if "transfer-encoding" not in names:
                length = _body_length(body, method)
                if length is None and body is not None:
                    encode_chunked = True
                    self.putheader("Transfer-Encoding", "chunked")
                elif length is not None:
                    self.putheader("Content-Length", str(length))
        else:
            encode_chunked = False
        for name, value in headers.items():
            self.putheader(name, value)
        if isinstance(body, str):
            body = body.encode("iso-8859-1")
        self.endheaders(body, encode_chunked=encode_chunked)

    def getresponse(self):
        if self._response and self._response.isclosed():
            self._response = None
        if self._state != _CS_REQ_SENT or self._response:
            raise ResponseNotReady(self._state)
        response = self.response_class(self.sock, method=self._method)
        try:
            try:
                response.begin()
            except ConnectionError:
                self.close()
                raise
            self._state = _CS_IDLE
            if response.will_close:
                self.close()
            else:
                self._response = response
            return response
        except BaseException:
            response.close()
            raise


def _body_length(body, method):
    """Content-Length for body, None when it must be sent chunked."""
    if body is None:
        return 0 if method.upper() in _BODY_METHODS else None
    if hasattr(body, "read"):
        return None
    if isinstance(body, str):
        return len(body)
    try:
        return memoryview(body).nbytes
    except TypeError:
        return None


def _body_chunks(body, blocksize):
    if hasattr(body, "read"):
        while True:
            block = body.read(blocksize)
            if not block:
                return
            yield block.encode("iso-8859-1") if isinstance(block, str) else block
    elif isinstance(body, (bytes, bytearray)):
        yield bytes(body)
    else:
        for chunk in body:
            yield chunk.encode("iso-8859-1") if isinstance(chunk, str) else chunk


class HTTPSConnection(HTTPConnection):
    """An HTTPConnection over TLS; context defaults to
    ssl.create_default_context() (certificate and hostname checked)."""

    default_port = HTTPS_PORT

    def __init__(self, host, port=None, key_file=None, cert_file=None,
                 timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                 *, context=None, check_hostname=None, blocksize=8192):
        super().__init__(host, port, timeout, source_address, blocksize=blocksize)
        if context is None:
            context = ssl.create_default_context()
            if cert_file is not None:
                context.load_cert_chain(cert_file, key_file)
        if check_hostname is not None:
            context.check_hostname = check_hostname
        self._context = context

    def connect(self):
        super().connect()
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.host)
