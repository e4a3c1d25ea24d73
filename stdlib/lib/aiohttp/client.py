"""ClientSession, ClientResponse, ClientTimeout and TCPConnector of gilt's
aiohttp: HTTP/1.1 over asyncio streams with a keep-alive connection pool."""

import asyncio
import collections
import json as _json
from urllib.parse import urlencode

from ._multidict import CIMultiDict, CIMultiDictProxy
from ._url import URL
from .client_exceptions import (
    ClientConnectorError, ClientPayloadError, ClientResponseError,
    ConnectionTimeoutError, ContentTypeError, InvalidURL,
    ServerDisconnectedError, SocketTimeoutError, ClientOSError,
)

_VERSION = "3.9.5"
USER_AGENT = "Python/3.11 aiohttp/%s (gilt)" % _VERSION
_REDIRECTS = (301, 302, 303, 307, 308)


def _unsupported(what):
    raise NotImplementedError("gilt's aiohttp does not support %s" % what)


class ClientTimeout:
    """Time limits in seconds (None: no limit). total covers the whole
    request, body included; connect covers getting a connection (pool wait
    included); sock_connect the TCP connect; sock_read each read."""

    __slots__ = ("total", "connect", "sock_read", "sock_connect", "ceil_threshold")

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None,
                 ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __eq__(self, other):
        if not isinstance(other, ClientTimeout):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    def __repr__(self):
        return "ClientTimeout(%s)" % ", ".join(
            "%s=%r" % (n, getattr(self, n)) for n in self.__slots__)


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)


class RequestInfo:
    __slots__ = ("url", "method", "headers", "real_url")

    def __init__(self, url, method, headers, real_url=None):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = real_url if real_url is not None else url

    def __repr__(self):
        return "RequestInfo(url=%r, method=%r, headers=%r, real_url=%r)" % (
            self.url, self.method, self.headers, self.real_url)


class _Connection:
    """One pooled stream pair to (host, port)."""

    def __init__(self, key, reader, writer):
        self.key = key
        self.reader = reader
        self.writer = writer
        self.reused = False

    def close(self):
        try:
            self.writer.close()
        except Exception:
            pass


class TCPConnector:
    """Keeps idle keep-alive connections per (host, port) and bounds how many
    are in use: limit in all (0: no bound), limit_per_host per host."""

    def __init__(self, *, limit=100, limit_per_host=0, force_close=False,
                 keepalive_timeout=None, ssl=None, verify_ssl=True, **unsupported):
        for name in unsupported:
            _unsupported("TCPConnector(%s=...)" % name)
        if force_close and keepalive_timeout is not None:
            raise ValueError("keepalive_timeout cannot be set if force_close is True")
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._force_close = force_close
        self._idle = collections.defaultdict(list)
        self._in_use = collections.Counter()
        self._in_use_total = 0
        self._waiters = collections.deque()
        self._closed = False

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def force_close(self):
        return self._force_close

    @property
    def closed(self):
        return self._closed

    def _has_room(self, key):
        if self._limit and self._in_use_total >= self._limit:
            return False
        if self._limit_per_host and self._in_use[key] >= self._limit_per_host:
            return False
        return True

    async def _acquire(self, key, sock_connect):
        if self._closed:
            raise RuntimeError("Connector is closed.")
        while not self._has_room(key):
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append((key, waiter))
            try:
                await waiter
            except BaseException:
                if waiter in [w for _, w in self._waiters]:
                    self._waiters = collections.deque(
                        (k, w) for k, w in self._waiters if w is not waiter)
                elif waiter.done() and not waiter.cancelled():
                    self._wake()
                raise
        self._in_use[key] += 1
        self._in_use_total += 1
        try:
            idle = self._idle[key]
            while idle:
                conn = idle.pop()
                if conn.writer.is_closing() or conn.reader.at_eof():
                    conn.close()
                    continue
                conn.reused = True
                return conn
            return await self._connect(key, sock_connect)
        except BaseException:
            self._give_back(key)
            raise

    async def _connect(self, key, sock_connect):
        host, port, _ = key
        try:
            opening = asyncio.open_connection(host, port)
            if sock_connect is not None:
                reader, writer = await asyncio.wait_for(opening, sock_connect)
            else:
                reader, writer = await opening
        except asyncio.TimeoutError:
            raise ConnectionTimeoutError(
                "Connection timeout to host http://%s:%s" % (host, port)) from None
        except OSError as exc:
            raise ClientConnectorError(key, exc) from exc
        return _Connection(key, reader, writer)

    def _give_back(self, key):
        self._in_use[key] -= 1
        self._in_use_total -= 1
        self._wake()

    def _wake(self):
        for entry in list(self._waiters):
            key, waiter = entry
            if waiter.done():
                self._waiters.remove(entry)
                continue
            if self._has_room(key):
                self._waiters.remove(entry)
                waiter.set_result(None)
                return

    def _release(self, conn, reusable):
        if reusable and not self._force_close and not self._closed:
            self._idle[conn.key].append(conn)
        else:
            conn.close()
        self._give_back(conn.key)

    async def close(self):
        self._closed = True
        for conns in self._idle.values():
            for conn in conns:
                conn.close()
        self._idle.clear()
        for _, waiter in self._waiters:
            if not waiter.done():
                waiter.cancel()
        self._waiters.clear()


class ClientResponse:
    """A received response. Its body is read with the headers; read(),
    text() and json() return it (or raise the ClientPayloadError met)."""

    def __init__(self, method, url, request_info):
        self.method = method
        self.url = url
        self.real_url = url
        self.request_info = request_info
        self.status = None
        self.reason = None
        self.version = None
        self.headers = CIMultiDictProxy(())
        self.raw_headers = ()
        self.history = ()
        self._body = None
        self._payload_error = None
        self._session = None
        self.closed = False

    def __repr__(self):
        return "<ClientResponse(%s) [%s %s]>\n%r\n" % (
            self.url, self.status, self.reason, self.headers)

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        raw = self.headers.get("Content-Type")
        if raw is None:
            return "application/octet-stream"
        return raw.split(";", 1)[0].strip().lower()

    @property
    def charset(self):
        raw = self.headers.get("Content-Type", "")
        for param in raw.split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip('"')
        return None

    @property
    def content_length(self):
        raw = self.headers.get("Content-Length")
        return int(raw) if raw is not None else None

    @property
    def content(self):
        _unsupported("ClientResponse.content streaming (use read())")

    def get_encoding(self):
        charset = self.charset
        if charset:
            return charset
        if self.content_type == "application/json":
            return "utf-8"
        return "utf-8"

    async def read(self):
        if self._payload_error is not None:
            raise self._payload_error
        if self._body is None:
            raise ClientConnectionError("Connection closed")
        return self._body

    async def text(self, encoding=None, errors="strict"):
        body = await self.read()
        return body.decode(encoding or self.get_encoding(), errors)

    async def json(self, *, encoding=None, loads=_json.loads,
                   content_type="application/json"):
        body = await self.read()
        if content_type:
            ctype = self.content_type
            if not (ctype == content_type or ctype.endswith("+json")
                    or (content_type == "application/json" and "json" in ctype)):
                raise ContentTypeError(
                    self.request_info, self.history, status=self.status,
                    message="Attempt to decode JSON with unexpected mimetype: %s"
                    % self.headers.get("Content-Type", ""),
                    headers=self.headers)
        text = body.strip()
        if not text:
            return None
        return loads(body.decode(encoding or self.get_encoding()))

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history,
                                      status=self.status, message=self.reason,
                                      headers=self.headers)

    def release(self):
        self.closed = True
        return _Done()

    def close(self):
        self.closed = True

    async def wait_for_close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _Done:
    """What release() returns: awaiting it is allowed and does nothing."""

    def __await__(self):
        return
        yield

from .client_exceptions import ClientConnectionError  # noqa: E402


class _RequestContextManager:
    """session.get(...) and friends: await it for the response, or use it in
    `async with`, which releases the response at the end."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    def send(self, value):
        return self._coro.send(value)

    def close(self):
        self._coro.close()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


def _encode_body(data, json, headers):
    if data is not None and json is not None:
        raise ValueError("data and json parameters can not be used at the same time")
    if json is not None:
        headers.setdefault("Content-Type", "application/json")
        return _json.dumps(json).encode("utf-8")
    if data is None:
        return None
    if isinstance(data, (bytes, bytearray, memoryview)):
        headers.setdefault("Content-Type", "application/octet-stream")
        return bytes(data)
    if isinstance(data, str):
        headers.setdefault("Content-Type", "text/plain; charset=utf-8")
        return data.encode("utf-8")
    if isinstance(data, dict) or isinstance(data, (list, tuple)):
        pairs = list(data.items()) if isinstance(data, dict) else list(data)
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return urlencode(pairs).encode("ascii")
    _unsupported("data of type %s" % type(data).__name__)


def _query_pairs(params):
    if params is None:
        return []
    if isinstance(params, str):
        return params
    items = params.items() if hasattr(params, "items") else params
    out = []
    for name, value in items:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise TypeError("Invalid variable type: value should be str, int or float, got %r "
                            "of type %s" % (value, type(value)))
        out.append((name, value))
    return out


async def _read_head(reader):
    line = await reader.readline()
    if not line:
        raise ServerDisconnectedError()
    parts = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ClientResponseError(None, (), status=400,
                                  message="Invalid status line: %r" % line)
    version = parts[0][5:]
    status = int(parts[1])
    reason = parts[2] if len(parts) > 2 else ""
    pairs = []
    while True:
        line = await reader.readline()
        if not line:
            raise ServerDisconnectedError()
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("latin-1").partition(":")
        pairs.append((name.strip(), value.strip()))
    return version, status, reason, pairs


async def _read_body(reader, headers, reading):
    """The body per the headers; the bool says whether the connection can
    carry another request (the body had a known end)."""
    if "chunked" in headers.get("Transfer-Encoding", "").lower():
        chunks = []
        while True:
            line = await reading(reader.readline())
            if not line.endswith(b"\n"):
                raise ClientPayloadError("Response payload is not completed")
            size_text = line.split(b";", 1)[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError:
                raise ClientPayloadError("Response payload is not completed: "
                                         "invalid chunk size %r" % size_text) from None
            if size == 0:
                while True:
                    trailer = await reading(reader.readline())
                    if trailer in (b"\r\n", b"\n", b""):
                        break
                return b"".join(chunks), True
            try:
                chunks.append(await reading(reader.readexactly(size)))
                await reading(reader.readexactly(2))
            except asyncio.IncompleteReadError:
                raise ClientPayloadError("Response payload is not completed") from None
    length = headers.get("Content-Length")
    if length is not None:
        try:
            return await reading(reader.readexactly(int(length))), True
        except asyncio.IncompleteReadError:
            raise ClientPayloadError("Response payload is not completed") from None
    chunks = []
    while True:
        data = await reading(reader.read(65536))
        if not data:
            return b"".join(chunks), False
        chunks.append(data)


def _decode_content(body, encoding):
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "deflate"):
        import zlib
        wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS
        try:
            return zlib.decompress(body, wbits)
        except zlib.error as exc:
            raise ClientPayloadError("Can not decode content-encoding: %s (%s)"
                                     % (encoding, exc)) from None
    raise ClientPayloadError("Can not decode content-encoding: %s" % encoding)


class ClientSession:
    """HTTP client session: pooled connections, default headers and
    timeouts. Use `async with ClientSession() as session:` or close()."""

    def __init__(self, base_url=None, *, connector=None, headers=None, timeout=None,
                 raise_for_status=False, connector_owner=True, cookies=None,
                 auth=None, json_serialize=_json.dumps, **unsupported):
        for name in unsupported:
            _unsupported("ClientSession(%s=...)" % name)
        if cookies is not None:
            _unsupported("cookies")
        if auth is not None:
            _unsupported("auth")
        self._base_url = URL(base_url) if base_url is not None else None
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = CIMultiDict(headers or ())
        self._timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        if not isinstance(self._timeout, ClientTimeout):
            raise ValueError("timeout parameter cannot be of %s type, please use "
                             "'timeout=ClientTimeout(...)'" % type(self._timeout))
        self._raise_for_status = raise_for_status
        self._json_serialize = json_serialize
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                await self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return self.request("GET", url, allow_redirects=allow_redirects, **kwargs)

    def options(self, url, *, allow_redirects=True, **kwargs):
        return self.request("OPTIONS", url, allow_redirects=allow_redirects, **kwargs)

    def head(self, url, *, allow_redirects=False, **kwargs):
        return self.request("HEAD", url, allow_redirects=allow_redirects, **kwargs)

    def post(self, url, *, data=None, **kwargs):
        return self.request("POST", url, data=data, **kwargs)

    def put(self, url, *, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, *, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    def _resolve(self, url, params):
        if not isinstance(url, (str, URL)):
            raise InvalidURL(url)
        url = URL(url)
        if self._base_url is not None and not url.is_absolute():
            url = self._base_url.join(url)
        if params:
            pairs = _query_pairs(params)
            extra = pairs if isinstance(pairs, str) else urlencode(pairs)
            text = str(url).split("#", 1)[0]
            text += ("&" if url.query_string else "?") + extra
            url = URL(text)
        if url.scheme in ("https", "wss"):
            _unsupported("https URLs (TLS over asyncio streams)")
        if url.scheme != "http" or not url.host:
            raise InvalidURL(str(url))
        return url

    async def _request(self, method, url, *, params=None, data=None, json=None,
                       headers=None, timeout=None, allow_redirects=True,
                       max_redirects=10, raise_for_status=None, ssl=None,
                       read_until_eof=True, **unsupported):
        for name in unsupported:
            _unsupported("request(%s=...)" % name)
        if self._closed:
            raise RuntimeError("Session is closed")
        if timeout is None:
            timeout = self._timeout
        elif not isinstance(timeout, ClientTimeout):
            raise ValueError("timeout parameter cannot be of %s type, please use "
                             "'timeout=ClientTimeout(...)'" % type(timeout))
        method = method.upper()
        url = self._resolve(url, params)
        merged = self._default_headers.copy()
        if headers:
            merged.update(headers)
        if json is not None and data is None:
            data = self._json_serialize(json)
            merged.setdefault("Content-Type", "application/json")
            json = None
        body = _encode_body(data, json, merged)

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout.total if timeout.total else None
        history = []
        async with asyncio.timeout_at(deadline):
            while True:
                resp = await self._send_once(method, url, merged, body, timeout)
                if allow_redirects and resp.status in _REDIRECTS and \
                        "Location" in resp.headers:
                    history.append(resp)
                    if len(history) > max_redirects:
                        from .client_exceptions import TooManyRedirects
                        raise TooManyRedirects(resp.request_info, tuple(history),
                                               status=resp.status, message="Too many redirects")
                    target = URL(url).join(resp.headers["Location"])
                    if resp.status == 303 and method != "HEAD" or \
                            resp.status in (301, 302) and method == "POST":
                        method = "GET"
                        body = None
                        merged.pop("Content-Type", None)
                    url = self._resolve(target, None)
                    continue
                break
        resp.history = tuple(history)
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check:
            resp.raise_for_status()
        return resp

    async def _send_once(self, method, url, headers, body, timeout):
        key = (url.host, url.port, None)
        info = RequestInfo(url, method, CIMultiDictProxy(headers.items()))
        lines = ["%s %s HTTP/1.1" % (method, url.path_qs)]
        sent = CIMultiDict(headers.items())
        host = url.host if url.explicit_port is None else "%s:%d" % (url.host, url.port)
        sent.setdefault("Host", host)
        sent.setdefault("Accept", "*/*")
        sent.setdefault("Accept-Encoding", "gzip, deflate")
        sent.setdefault("User-Agent", USER_AGENT)
        if body is not None or method in ("POST", "PUT", "PATCH"):
            sent.setdefault("Content-Length", str(len(body or b"")))
        if self._connector.force_close:
            sent.setdefault("Connection", "close")
        for name, value in sent.items():
            lines.append("%s: %s" % (name, value))
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

        for attempt in (1, 2):
            connect = asyncio.wait_for(
                self._connector._acquire(key, timeout.sock_connect), timeout.connect) \
                if timeout.connect is not None else \
                self._connector._acquire(key, timeout.sock_connect)
            try:
                conn = await connect
            except asyncio.TimeoutError as exc:
                if isinstance(exc, ConnectionTimeoutError):
                    raise
                raise ConnectionTimeoutError("Connection timeout to host %s" % url) from None
            reusable = False
            try:
                try:
                    conn.writer.write(head + (body or b""))
                    await conn.writer.drain()
                    reading = self._reader(timeout.sock_read)
                    version, status, reason, pairs = await reading(_read_head(conn.reader))
                except (ServerDisconnectedError, ConnectionError) as exc:
                    if conn.reused and attempt == 1:
                        continue
                    if isinstance(exc, ServerDisconnectedError):
                        raise
                    raise ClientOSError(exc.errno, exc.strerror) from exc
                resp = ClientResponse(method, url, info)
                resp.version = version
                resp.status = status
                resp.reason = reason
                resp.headers = CIMultiDictProxy(pairs)
                resp.raw_headers = tuple((k.encode("latin-1"), v.encode("latin-1"))
                                         for k, v in pairs)
                if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
                    raw, reusable = b"", True
                else:
                    try:
                        raw, reusable = await _read_body(conn.reader, resp.headers, reading)
                        resp._body = _decode_content(
                            raw, resp.headers.get("Content-Encoding", ""))
                    except ClientPayloadError as exc:
                        resp._payload_error = exc
                        resp._body = b""
                if method == "HEAD" or status in (204, 304):
                    resp._body = b""
                connection = resp.headers.get("Connection", "").lower()
                if connection == "close" or (version == "1.0" and connection != "keep-alive"):
                    reusable = False
                return resp
            finally:
                self._connector._release(conn, reusable)

    def _reader(self, sock_read):
        if sock_read is None:
            async def reading(aw):
                return await aw
            return reading

        async def reading(aw):
            try:
                return await asyncio.wait_for(aw, sock_read)
            except asyncio.TimeoutError:
                raise SocketTimeoutError("Timeout on reading data from socket") from None
        return reading


def request(method, url, **kwargs):
    """A one-off request in its own session (aiohttp.request)."""
    return _OneShot(method, url, kwargs)


class _OneShot:
    def __init__(self, method, url, kwargs):
        self._args = (method, url, kwargs)
        self._session = None

    async def __aenter__(self):
        method, url, kwargs = self._args
        self._session = ClientSession()
        try:
            return await self._session.request(method, url, **kwargs)
        except BaseException:
            await self._session.close()
            raise

    async def __aexit__(self, exc_type, exc, tb):
        await self._session.close()
