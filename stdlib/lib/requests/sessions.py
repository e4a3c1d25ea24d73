"""Session: default headers, keep-alive connections and redirects.

A session keeps the idle connections of finished responses, per (scheme,
host, port), and hands one to the next request for the same server: the
keep-alive that makes a session faster than separate requests.get calls. A
connection goes back to the pool only once its response body has been read
to the end and the server did not ask to close it. Sessions may be shared
between threads: the pool is guarded by a lock, and each request has a
connection to itself.
"""

import http.client
import os
import socket
import threading
import time
from urllib.parse import urljoin, urlsplit, urlunsplit

from ._translate import SSL_ERRORS, translate_errors as _translate_errors
from .exceptions import (ConnectionError, ConnectTimeout, InvalidSchema, SSLError,
                         TooManyRedirects)
from .models import REDIRECT_CODES, PreparedRequest, Request, Response, make_elapsed
from .structures import CaseInsensitiveDict, RequestsCookieJar, cookies_from_headers

try:
    import ssl  # here, not in a method: sessions are used from many threads
except ImportError:
    ssl = None

DEFAULT_REDIRECT_LIMIT = 30
API_VERSION = "2.31.0"  # requests.__version__: the requests API followed
_POOL_MAXSIZE = 10  # idle connections kept per server, as requests' default


def default_headers():
    return CaseInsensitiveDict({
        "User-Agent": "python-requests/%s" % API_VERSION,
        "Accept-Encoding": "gzip, deflate",
        "Accept": "*/*",
        "Connection": "keep-alive",
    })


def _get_encoding(headers):
    """The charset of the Content-Type, as requests chooses it."""
    content_type = headers.get("content-type")
    if not content_type:
        return None
    main, *params = content_type.split(";")
    for param in params:
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("'\"")
    if "text" in main:
        return "ISO-8859-1"
    if "application/json" in main:
        return "utf-8"
    return None


class _Pool:
    """Idle keep-alive connections per server key; safe across threads."""

    def __init__(self):
        self._idle = {}
        self._lock = threading.Lock()
        self._closed = False  # after close(), returned connections are closed

    def take(self, key):
        with self._lock:
            idle = self._idle.get(key)
            return idle.pop() if idle else None

    def give(self, key, conn):
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if not self._closed and len(idle) < _POOL_MAXSIZE:
                idle.append(conn)
                return
        conn.close()

    def close(self):
        with self._lock:
            self._closed = True
            everything, self._idle = self._idle, {}
        for idle in everything.values():
            for conn in idle:
                conn.close()


def _split_timeout(timeout):
    if isinstance(timeout, tuple):
        if len(timeout) != 2:
            raise ValueError("Timeout value connect was %s, but it must be an int, float or None."
                             % (timeout,))
        return timeout
    return timeout, timeout


class Session:
    """Settings and connections shared by a series of requests."""

    def __init__(self):
        self.headers = default_headers()
        self.auth = None
        self.proxies = {}
        self.hooks = {"response": []}
        self.params = {}
        self.stream = False
        self.verify = True
        self.cert = None
        self.max_redirects = DEFAULT_REDIRECT_LIMIT
        self.trust_env = True
        self.cookies = RequestsCookieJar()
        self.adapters = {}
        self._pool = _Pool()
        self._contexts = {}
        self._contexts_lock = threading.Lock()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Close the idle connections."""
        self._pool.close()

    def mount(self, prefix, adapter):
        raise NotImplementedError("requests: transport adapters (Session.mount) are not supported")

    # -- the verbs ---------------------------------------------------------
    def get(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", True)
        return self.request("GET", url, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", True)
        return self.request("OPTIONS", url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self.request("HEAD", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    # -- building and sending --------------------------------------------------
    def _unsupported(self, **options):
        for name, value in options.items():
            if value:
                raise NotImplementedError("requests: %s= is not supported by gilt's requests module"
                                          % name)

    def prepare_request(self, request):
        headers = CaseInsensitiveDict(self.headers)
        for name, value in (request.headers or {}).items():
            if value is None:
                headers.pop(name, None)
            else:
                headers[name] = value
        params = dict(self.params)
        if isinstance(request.params, dict):
            params.update(request.params)
        elif request.params:
            params = request.params
        p = PreparedRequest()
        p.prepare(method=request.method, url=request.url, headers=headers, files=request.files,
                  data=request.data, params=params, auth=request.auth or self.auth,
                  json=request.json)
        return p

    def request(self, method, url, params=None, data=None, headers=None, cookies=None,
                files=None, auth=None, timeout=None, allow_redirects=True, proxies=None,
                hooks=None, stream=None, verify=None, cert=None, json=None):
        """Send a request and return its Response (redirects followed
        unless allow_redirects is false)."""
        self._unsupported(proxies=proxies, hooks=hooks, cert=cert or self.cert)
        req = Request(method=method.upper(), url=url, headers=headers, files=files,
                      data=data or {}, json=json, params=params or {}, auth=auth)
        prep = self.prepare_request(req)
        prep._cookies = dict(cookies or {})
        self._set_cookie_header(prep)
        settings = {"timeout": timeout, "verify": self.verify if verify is None else verify,
                    "stream": self.stream if stream is None else stream}
        return self.send(prep, allow_redirects=allow_redirects, **settings)

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None,
             allow_redirects=True):
        """Send a PreparedRequest, following redirects when allowed."""
        history = []
        response = self._send_one(request, stream, timeout, verify)
        while allow_redirects and response.is_redirect:
            if len(history) >= self.max_redirects:
                raise TooManyRedirects("Exceeded %s redirects." % self.max_redirects,
                                       response=response)
            response.content  # read it, so the connection can be reused
            history.append(response)
            request = self._redirected(request, response)
            response = self._send_one(request, stream, timeout, verify)
        if history:
            for i, old in enumerate(history):
                old.history = history[:i]
            response.history = history
        return response

    def _set_cookie_header(self, prep):
        """Cookie: the session's cookies, then the request's own."""
        merged = dict(self.cookies)
        merged.update(getattr(prep, "_cookies", {}))
        if merged and "Cookie" not in prep.headers:
            prep.headers["Cookie"] = "; ".join("%s=%s" % item for item in merged.items())

    def _redirected(self, request, response):
        """The request a redirect response asks for, as requests builds it."""
        location = response.headers["location"]
        if location.startswith("//"):
            location = urlsplit(response.url).scheme + ":" + location
        target = urljoin(response.url, location)
        new = request.copy()
        new.url = urlunsplit(urlsplit(target))
        code, method = response.status_code, request.method
        if (code == 303 and method != "HEAD") or (code == 302 and method != "HEAD") \
                or (code == 301 and method == "POST"):
            new.method = "GET"
        if code not in (307, 308):
            new.body = None
            for name in ("Content-Length", "Content-Type", "Transfer-Encoding"):
                new.headers.pop(name, None)
        if urlsplit(request.url).hostname != urlsplit(new.url).hostname:
            new.headers.pop("Authorization", None)
        new._cookies = getattr(request, "_cookies", {})
        new.headers.pop("Cookie", None)
        self._set_cookie_header(new)
        return new

    def _ssl_context(self, verify):
        if verify is True and self.trust_env:
            verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        with self._contexts_lock:
            context = self._contexts.get(verify)
            if context is None:
                if verify is False:
                    context = ssl._create_unverified_context()
                elif verify is True:
                    context = ssl.create_default_context()
                elif os.path.isdir(verify):
                    context = ssl.create_default_context(capath=verify)
                else:
                    context = ssl.create_default_context(cafile=verify)
                self._contexts[verify] = context
            return context

    def _connection(self, scheme, host, port, verify, connect_timeout):
        key = (scheme, host, port, verify if scheme == "https" else None)
        conn = self._pool.take(key)
        if conn is not None:
            return key, conn, True
        if scheme == "https":
            conn = http.client.HTTPSConnection(host, port, timeout=connect_timeout,
                                               context=self._ssl_context(verify))
        else:
            conn = http.client.HTTPConnection(host, port, timeout=connect_timeout)
        return key, conn, False

    def _connect(self, conn, request, scheme, host, port, connect_timeout):
        conn.timeout = connect_timeout
        pool = "%sConnectionPool(host=%r, port=%s)" % (
            "HTTPS" if scheme == "https" else "HTTP", host, port)
        try:
            conn.connect()
        except (socket.timeout, TimeoutError) as err:
            raise ConnectTimeout("%s: Max retries exceeded with url: %s (Caused by "
                                 "ConnectTimeoutError(%r))" % (pool, _selector(request.url), err),
                                 request=request) from err
        except SSL_ERRORS as err:
            raise SSLError("%s: Max retries exceeded with url: %s (Caused by SSLError(%r))"
                           % (pool, _selector(request.url), err), request=request) from err
        except OSError as err:
            raise ConnectionError("%s: Max retries exceeded with url: %s (Caused by "
                                  "NewConnectionError('Failed to establish a new connection: "
                                  "%s'))" % (pool, _selector(request.url), err),
                                  request=request) from err

    def _send_one(self, request, stream, timeout, verify):
        parts = urlsplit(request.url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise InvalidSchema("No connection adapters were found for %r" % request.url)
        host = parts.hostname
        port = parts.port or (443 if scheme == "https" else 80)
        connect_timeout, read_timeout = _split_timeout(timeout)
        started = time.monotonic()
        for attempt in (1, 2):
            key, conn, reused = self._connection(scheme, host, port, verify, connect_timeout)
            if conn.sock is None:
                self._connect(conn, request, scheme, host, port, connect_timeout)
            conn.sock.settimeout(read_timeout)
            try:
                with _translate_errors(request, host, port, read_timeout, scheme):
                    raw = self._exchange(conn, request, _selector(request.url))
                break
            except ConnectionError:
                conn.close()
                # A kept-alive connection the server closed meanwhile: try once
                # more on a new one, as urllib3 does.
                if not reused or attempt == 2:
                    raise
            except BaseException:
                conn.close()
                raise
        response = self._build_response(request, raw, conn, key)
        response.elapsed = make_elapsed(time.monotonic() - started)
        if not stream:
            response.content
        return response

    @staticmethod
    def _exchange(conn, request, selector):
        body = request.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn.request(request.method, selector, body, dict(request.headers))
        return conn.getresponse()

    def _build_response(self, request, raw, conn, key):
        response = Response()
        response.status_code = raw.status
        response.reason = raw.reason
        headers = CaseInsensitiveDict()
        for name, value in raw.getheaders():
            if name in headers:
                headers[name] = headers[name] + ", " + value
            else:
                headers[name] = value
        response.headers = headers
        response.encoding = _get_encoding(headers)
        response.cookies = cookies_from_headers(raw.headers.get_all("Set-Cookie"))
        self.cookies.update(response.cookies)
        response.raw = raw
        response.url = request.url
        response.request = request
        response.connection = conn

        def release():
            if raw.isclosed() and not raw.will_close and conn.sock is not None:
                self._pool.give(key, conn)
            else:
                conn.close()

        response._release_conn = release
        response._discard_conn = conn.close
        if request.method == "HEAD" or raw.length == 0:
            response._content = b""
            raw.read()
            response._content_consumed = True
            release()
            response._release_conn = None
        return response


def _selector(url):
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def session():
    """A new Session (the old requests spelling)."""
    return Session()
