"""Opening URLs: urlopen() and Request, for http: and https: (and data:).

CPython builds urlopen from a chain of handler objects; this module does the
same work directly (build_opener and the handler classes exist, see
"openers" below): send the request with http.client (a new connection per
request, "Connection: close", as CPython's opener does), follow redirects the
way HTTPRedirectHandler does (301/302/303 turn a POST into a GET without a
body, 307/308 repeat only GET and HEAD, at most 10 hops and no URL more than
4 times), and turn a status of 400 or more into HTTPError.
"""

import base64
import io
import os
import socket
import sys
import tempfile
from http import client
from email.message import Message
from urllib.error import ContentTooShortError, HTTPError, URLError

try:
    import ssl  # here, not inside urlopen, which threads may run at once
except ImportError:
    ssl = None
from urllib.parse import quote, unquote_to_bytes, urljoin, urlsplit, urlunsplit

__all__ = ["Request", "urlopen", "urlretrieve", "urlcleanup", "build_opener",
           "install_opener", "OpenerDirector", "BaseHandler", "HTTPHandler",
           "HTTPSHandler", "HTTPRedirectHandler", "HTTPDefaultErrorHandler",
           "HTTPErrorProcessor", "UnknownHandler", "DataHandler", "ProxyHandler",
           "HTTPCookieProcessor"]

__version__ = "%d.%d" % sys.version_info[:2]
_USER_AGENT = "Python-urllib/" + __version__
MAX_REDIRECTIONS = 10
MAX_REPEATS = 4


class Request:
    """A URL with the method, body and headers to open it with."""

    def __init__(self, url, data=None, headers={}, origin_req_host=None,
                 unverifiable=False, method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self._data = None
        self.data = data
        for key, value in headers.items():
            self.add_header(key, value)
        self.unverifiable = unverifiable
        if method:
            self.method = method
        self.origin_req_host = origin_req_host or self.host

    @property
    def full_url(self):
        if self.fragment:
            return self._full_url + "#" + self.fragment
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        self._full_url, _, self.fragment = url.partition("#")
        self.fragment = self.fragment or None
        self._parse()

    @property
    def data(self):
        """The body to send (None for none); changing it drops a
        Content-length set for the old body."""
        return self._data

    @data.setter
    def data(self, data):
        if data != self._data:
            self._data = data
            if self.has_header("Content-length"):
                self.remove_header("Content-length")

    def _parse(self):
        scheme, colon, rest = self._full_url.partition(":")
        if not colon or not scheme:
            raise ValueError("unknown url type: %r" % self._full_url)
        self.type = scheme.lower()
        parts = urlsplit(self._full_url)
        self.host = parts.netloc
        self.selector = urlunsplit(("", "", parts.path, parts.query, "")) or "/"
        if self.type not in ("http", "https"):
            self.selector = rest
        if self.host:
            self.host = quote(self.host, safe=":@[]")

    def get_method(self):
        default = "POST" if self.data is not None else "GET"
        return getattr(self, "method", default)

    def get_full_url(self):
        return self.full_url

    def set_proxy(self, host, type):
        raise NotImplementedError("urllib.request: proxies are not supported")

    def has_proxy(self):
        return False

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers or header_name in self.unredirected_hdrs

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name,
                                self.unredirected_hdrs.get(header_name, default))

    def remove_header(self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        merged = dict(self.unredirected_hdrs)
        merged.update(self.headers)
        return list(merged.items())


def _prepare(req, addheaders):
    """Add the headers CPython's opener adds before sending req."""
    if req.data is not None:
        if isinstance(req.data, str):
            raise TypeError("POST data should be bytes, an iterable of bytes, "
                            "or a file object. It cannot be of type str.")
        if not req.has_header("Content-type"):
            req.add_unredirected_header("Content-type",
                                        "application/x-www-form-urlencoded")
        if not req.has_header("Content-length") and not req.has_header("Transfer-encoding"):
            try:
                length = memoryview(req.data).nbytes
            except TypeError:
                req.add_unredirected_header("Transfer-encoding", "chunked")
            else:
                req.add_unredirected_header("Content-length", "%d" % length)
    if not req.host:
        raise URLError("no host given")
    if not req.has_header("Host"):
        req.add_unredirected_header("Host", req.host)
    for name, value in addheaders:
        if not req.has_header(name.capitalize()):
            req.add_unredirected_header(name, value)


def _send(req, timeout, context, addheaders):
    _prepare(req, addheaders)
    if req.type == "https":
        conn = client.HTTPSConnection(req.host, timeout=timeout, context=context)
    else:
        conn = client.HTTPConnection(req.host, timeout=timeout)
    headers = dict(req.unredirected_hdrs)
    for key, value in req.headers.items():
        headers.setdefault(key, value)
    headers["Connection"] = "close"
    headers = {name.title(): value for name, value in headers.items()}
    chunked = headers.get("Transfer-Encoding") == "chunked"
    try:
        try:
            conn.request(req.get_method(), req.selector, req.data, headers,
                         encode_chunked=chunked)
        except OSError as err:
            raise URLError(err) from None
        response = conn.getresponse()
    except BaseException:
        conn.close()
        raise
    if conn.sock:
        conn.sock.close()
        conn.sock = None
    response.url = req.get_full_url()
    response.msg = response.reason
    return response


def _redirect_target(req, response):
    headers = response.headers
    location = headers.get("location") or headers.get("uri")
    if location is None:
        return None
    parts = urlsplit(location)
    if not parts.path and parts.netloc:
        parts = parts._replace(path="/")
    target = urlunsplit(parts)
    target = quote(target, encoding="iso-8859-1", safe="/;%\"=:@&$+!,?~*'()[]#")
    target = urljoin(req.full_url, target)
    if urlsplit(target).scheme not in ("http", "https", "ftp", ""):
        raise HTTPError(target, response.status,
                        "%s - Redirection to url '%s' is not allowed"
                        % (response.reason, target), headers, response)
    return target


def _redirected_request(req, response, target):
    code, method = response.status, req.get_method()
    if not ((code in (301, 302, 303, 307, 308) and method in ("GET", "HEAD"))
            or (code in (301, 302, 303) and method == "POST")):
        raise HTTPError(req.full_url, code, response.reason, response.headers, response)
    target = target.replace(" ", "%20")
    dropped = ("content-length", "content-type")
    headers = {k: v for k, v in req.headers.items() if k.lower() not in dropped}
    return Request(target, headers=headers, origin_req_host=req.origin_req_host,
                   unverifiable=True)


def _open_data(url):
    """A response for a data: URL (RFC 2397)."""
    meta, comma, payload = url.partition(":")[2].partition(",")
    if not comma:
        raise URLError("data error: missing comma")
    is_base64 = meta.endswith(";base64")
    if is_base64:
        meta = meta[:-len(";base64")]
    data = unquote_to_bytes(payload)
    if is_base64:
        data = base64.decodebytes(data)
    headers = Message()
    headers["Content-type"] = meta or "text/plain;charset=US-ASCII"
    headers["Content-length"] = str(len(data))
    response = io.BytesIO(data)
    response.headers = headers
    response.status = response.code = 200
    response.url = url
    response.info = lambda: headers
    response.geturl = lambda: url
    response.getcode = lambda: 200
    return response


def _fetch(req, timeout, context, addheaders=(("User-agent", _USER_AGENT),),
           max_redirections=MAX_REDIRECTIONS, max_repeats=MAX_REPEATS):
    """Send req, follow its redirects, raise HTTPError for an error status."""
    if req.type == "data":
        return _open_data(req.full_url)
    if req.type not in ("http", "https"):
        raise URLError("unknown url type: %s" % req.type)
    seen = {}
    while True:
        response = _send(req, timeout, context, addheaders)
        code = response.status
        target = _redirect_target(req, response) if code in (301, 302, 303, 307, 308) else None
        if target is None:
            if not 200 <= code < 300:
                raise HTTPError(req.full_url, code, response.reason, response.headers, response)
            return response
        new_req = _redirected_request(req, response, target)
        if seen.get(target, 0) >= max_repeats or len(seen) >= max_redirections:
            raise HTTPError(req.full_url, code,
                            "The HTTP server returned a redirect error that "
                            "would lead to an infinite loop.\nThe last 30x "
                            "error message was:\n" + response.reason,
                            response.headers, response)
        seen[target] = seen.get(target, 0) + 1
        response.read()
        response.close()
        req = new_req


def urlopen(url, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, *,
            cafile=None, capath=None, cadefault=False, context=None):
    """Open url (a string or Request) and return the response; raises
    HTTPError for an error status and URLError when it cannot connect.
    Goes through the opener install_opener() set, if any."""
    if (cafile or capath) and context is None:
        context = ssl.create_default_context(cafile=cafile, capath=capath)
    if context is not None:
        opener = build_opener(HTTPSHandler(context=context))
    else:
        opener = _installed[0] if _installed else None
    if opener is not None:
        return opener.open(url, data, timeout)
    req = url if isinstance(url, Request) else Request(url)
    if data is not None:
        req.data = data
    return _fetch(req, timeout, None)


# ---------------------------------------------------------------- openers
#
# CPython chains handler objects; here the standard handlers are markers
# that carry their settings (HTTPSHandler's context, HTTPRedirectHandler's
# limits) and the work is _fetch's. A handler of a script's own takes part
# through the hooks CPython calls: <scheme>_request(req) before sending,
# <scheme>_open(req) to answer instead of the default (None: pass), and
# <scheme>_response(req, response) afterwards.

_installed = []  # the opener install_opener() set (at most one)


class BaseHandler:
    handler_order = 500

    def add_parent(self, parent):
        self.parent = parent

    def close(self):
        pass

    def __lt__(self, other):
        return self.handler_order < getattr(other, "handler_order", 500)


class HTTPHandler(BaseHandler):
    def __init__(self, debuglevel=0):
        self._debuglevel = debuglevel


class HTTPSHandler(BaseHandler):
    def __init__(self, debuglevel=0, context=None, check_hostname=None):
        self._debuglevel = debuglevel
        self._context = context
        if context is not None and check_hostname is not None:
            context.check_hostname = check_hostname


class HTTPRedirectHandler(BaseHandler):
    max_redirections = MAX_REDIRECTIONS
    max_repeats = MAX_REPEATS


class HTTPDefaultErrorHandler(BaseHandler):
    pass


class HTTPErrorProcessor(BaseHandler):
    handler_order = 1000


class UnknownHandler(BaseHandler):
    pass


class DataHandler(BaseHandler):
    pass


class ProxyHandler(BaseHandler):
    handler_order = 100

    def __init__(self, proxies=None):
        if proxies:
            raise NotImplementedError("urllib.request: proxies (ProxyHandler) are not supported")
        self.proxies = {}


class HTTPCookieProcessor(BaseHandler):
    def __init__(self, cookiejar=None):
        raise NotImplementedError("urllib.request: HTTPCookieProcessor is not supported")


class OpenerDirector:
    """Opens URLs with the standard behaviour plus its handlers' hooks."""

    def __init__(self):
        self.addheaders = [("User-agent", _USER_AGENT)]
        self.handlers = []

    def add_handler(self, handler):
        if not hasattr(handler, "add_parent"):
            raise TypeError("expected BaseHandler instance, got %r" % type(handler))
        self.handlers.append(handler)
        self.handlers.sort()
        handler.add_parent(self)

    def _standard(self, cls):
        for h in self.handlers:
            if isinstance(h, cls):
                return h
        return cls()

    def _hooks(self, name):
        return [getattr(h, name) for h in self.handlers if hasattr(h, name)]

    def open(self, fullurl, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        req = fullurl if isinstance(fullurl, Request) else Request(fullurl)
        if data is not None:
            req.data = data
        req.timeout = timeout
        scheme = req.type
        for hook in self._hooks(scheme + "_request"):
            req = hook(req)
        response = None
        for hook in self._hooks(scheme + "_open"):
            response = hook(req)
            if response is not None:
                break
        if response is None:
            redirect = self._standard(HTTPRedirectHandler)
            context = self._standard(HTTPSHandler)._context
            response = _fetch(req, timeout, context, self.addheaders,
                              redirect.max_redirections, redirect.max_repeats)
        for hook in self._hooks(scheme + "_response"):
            response = hook(req, response)
        return response

    def close(self):
        for h in self.handlers:
            h.close()
        self.handlers = []


def build_opener(*handlers):
    """An OpenerDirector with the standard handlers and these (classes or
    instances; one of a standard class replaces the default)."""
    opener = OpenerDirector()
    given = [h() if isinstance(h, type) else h for h in handlers]
    for cls in (ProxyHandler, UnknownHandler, HTTPHandler, HTTPDefaultErrorHandler,
                HTTPRedirectHandler, DataHandler, HTTPErrorProcessor, HTTPSHandler):
        if not any(isinstance(h, cls) for h in given):
            opener.add_handler(cls())
    for handler in given:
        opener.add_handler(handler)
    return opener


def install_opener(opener):
    """Make urlopen() use opener (None: the default again)."""
    _installed[:] = [opener] if opener is not None else []


_retrieved = []  # temporary files urlretrieve made, removed by urlcleanup


def urlretrieve(url, filename=None, reporthook=None, data=None):
    """Copy the resource at url to filename (a temporary file when None);
    returns (filename, headers). reporthook(block_number, block_size,
    total_size) is called as the blocks arrive (total_size -1 when the
    server does not say). ContentTooShortError if fewer bytes arrive than
    Content-Length promised."""
    with urlopen(url, data) as response:
        headers = response.info()
        if filename is None:
            handle, filename = tempfile.mkstemp()
            os.close(handle)
            _retrieved.append(filename)
        block_size = 1024 * 8
        total = int(headers.get("Content-Length") or -1)
        received = blocks = 0
        if reporthook:
            reporthook(blocks, block_size, total)
        with open(filename, "wb") as out:
            while True:
                block = response.read(block_size)
                if not block:
                    break
                out.write(block)
                received += len(block)
                blocks += 1
                if reporthook:
                    reporthook(blocks, block_size, total)
    if total >= 0 and received < total:
        raise ContentTooShortError("retrieval incomplete: got only %i out of %i bytes"
                                   % (received, total), (filename, headers))
    return filename, headers


def urlcleanup():
    """Remove the temporary files urlretrieve made."""
    while _retrieved:
        try:
            os.unlink(_retrieved.pop())
        except OSError:
            pass
