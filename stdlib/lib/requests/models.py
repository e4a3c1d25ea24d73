"""Request, PreparedRequest and Response."""

import base64
import json as _json
import zlib
from urllib.parse import urlencode, urlsplit, urlunsplit, quote

from .exceptions import (ChunkedEncodingError, ConnectionError, ContentDecodingError,
                         HTTPError, InvalidJSONError, InvalidSchema, InvalidURL,
                         JSONDecodeError, MissingSchema, ReadTimeout,
                         StreamConsumedError)
from ._translate import translate_errors as _translate_errors
from .structures import CaseInsensitiveDict, RequestsCookieJar

try:
    from datetime import timedelta as _timedelta
except ImportError:  # gilt without datetime: _Elapsed stands in
    _timedelta = None

CONTENT_CHUNK_SIZE = 10 * 1024
ITER_CHUNK_SIZE = 512
REDIRECT_CODES = (301, 302, 303, 307, 308)


class _Elapsed:
    """The time a request took, for when datetime is not available: the
    parts of datetime.timedelta that scripts use."""

    def __init__(self, seconds):
        self._seconds = seconds
        self.days = int(seconds // 86400)
        self.seconds = int(seconds - self.days * 86400)
        self.microseconds = int(round((seconds - int(seconds)) * 1e6)) % 1000000

    def total_seconds(self):
        return self._seconds

    def __repr__(self):
        return "datetime.timedelta(seconds=%d, microseconds=%d)" % (self.seconds, self.microseconds)

    def __lt__(self, other):
        return self._seconds < _as_seconds(other)

    def __gt__(self, other):
        return self._seconds > _as_seconds(other)


def _as_seconds(value):
    return value.total_seconds() if hasattr(value, "total_seconds") else value


def make_elapsed(seconds):
    if _timedelta is None:
        return _Elapsed(seconds)
    return _timedelta(seconds=seconds)


def _encode_params(data):
    """A str/bytes as is; a mapping or list of pairs form-encoded (lists as
    repeated keys, None values left out)."""
    if isinstance(data, (str, bytes)) or hasattr(data, "read"):
        return data
    if data is None:
        return None
    pairs = data.items() if hasattr(data, "items") else data
    flat = []
    for key, values in pairs:
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            values = [values]
        for value in values:
            if value is not None:
                flat.append((key.encode("utf-8") if isinstance(key, str) else key,
                             value.encode("utf-8") if isinstance(value, str) else value))
    return urlencode(flat, doseq=True)


class _IncrementalDecoder:
    """Decodes a byte stream piece by piece, holding back the bytes of a
    character cut in two at a piece's end (gilt has no codecs module)."""

    def __init__(self, encoding):
        self.encoding = encoding
        self.pending = b""

    def decode(self, data, final=False):
        data = self.pending + data
        self.pending = b""
        if final:
            return data.decode(self.encoding, "replace")
        for held in range(min(4, len(data) + 1)):
            try:
                text = data[:len(data) - held].decode(self.encoding)
            except UnicodeDecodeError:
                continue
            self.pending = data[len(data) - held:]
            return text
        return data.decode(self.encoding, "replace")


class Request:
    """What a caller asked for, before it is turned into bytes to send."""

    def __init__(self, method=None, url=None, headers=None, files=None, data=None,
                 params=None, auth=None, cookies=None, hooks=None, json=None):
        self.method = method
        self.url = url
        self.headers = headers or {}
        self.files = files
        self.data = [] if data is None else data
        self.json = json
        self.params = params or {}
        self.auth = auth
        self.cookies = cookies
        self.hooks = hooks

    def __repr__(self):
        return "<Request [%s]>" % self.method

    def prepare(self):
        p = PreparedRequest()
        p.prepare(method=self.method, url=self.url, headers=self.headers, files=self.files,
                  data=self.data, params=self.params, auth=self.auth, json=self.json)
        return p


class PreparedRequest:
    """The method, URL, headers and body exactly as they will be sent."""

    def __init__(self):
        self.method = None
        self.url = None
        self.headers = None
        self.body = None
        self.hooks = {"response": []}

    def __repr__(self):
        return "<PreparedRequest [%s]>" % self.method

    def prepare(self, method=None, url=None, headers=None, files=None, data=None,
                params=None, auth=None, cookies=None, hooks=None, json=None):
        self.method = method.upper() if method else method
        self.prepare_url(url, params)
        self.headers = CaseInsensitiveDict(headers or {})
        if files:
            raise NotImplementedError("requests: file uploads (files=) are not supported")
        self.prepare_body(data, json)
        if auth is not None:
            self.prepare_auth(auth)

    def copy(self):
        p = PreparedRequest()
        p.method, p.url, p.body = self.method, self.url, self.body
        p.headers = self.headers.copy() if self.headers is not None else None
        p._cookies = getattr(self, "_cookies", {})
        return p

    def prepare_url(self, url, params):
        if isinstance(url, bytes):
            url = url.decode("utf8")
        url = str(url).strip()
        if ":" in url and not url.lower().startswith("http"):
            self.url = url
            return
        parts = urlsplit(url)
        if not parts.scheme:
            raise MissingSchema("Invalid URL %r: No scheme supplied. "
                                "Perhaps you meant https://%s?" % (url, url))
        if not parts.netloc or not parts.hostname:
            raise InvalidURL("Invalid URL %r: No host supplied" % url)
        path = parts.path or "/"
        query = parts.query
        extra = _encode_params(params)
        if extra:
            extra = extra.decode("utf-8") if isinstance(extra, bytes) else extra
            query = query + "&" + extra if query else extra
        path = quote(path, safe="/%:@!$&'()*+,;=~")
        query = quote(query, safe="=&%:@!$'()*+,;/?~[]")
        self.url = urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))

    def prepare_body(self, data, json=None):
        body = None
        content_type = None
        if not data and json is not None:
            content_type = "application/json"
            try:
                body = _json.dumps(json, allow_nan=False)
            except ValueError as err:
                raise InvalidJSONError(err, request=self)
            body = body.encode("utf-8")
        elif data:
            if hasattr(data, "read") or (hasattr(data, "__iter__") and
                                         not isinstance(data, (str, bytes, list, tuple, dict))):
                body = data
            else:
                body = _encode_params(data)
                if not isinstance(data, (str, bytes)):
                    content_type = "application/x-www-form-urlencoded"
        self.body = body
        if body is None:
            if self.method not in ("GET", "HEAD") and "Content-Length" not in self.headers:
                self.headers["Content-Length"] = "0"
        elif isinstance(body, (str, bytes, bytearray)):
            length = len(body.encode("utf-8") if isinstance(body, str) else body)
            self.headers["Content-Length"] = str(length)
        elif "Content-Length" not in self.headers:
            self.headers["Transfer-Encoding"] = "chunked"
        if content_type and "content-type" not in self.headers:
            self.headers["Content-Type"] = content_type

    def prepare_auth(self, auth):
        if isinstance(auth, tuple) and len(auth) == 2:
            user, password = (s.encode("latin1") if isinstance(s, str) else s for s in auth)
            token = base64.b64encode(user + b":" + password).decode("ascii")
            self.headers["Authorization"] = "Basic " + token
        elif callable(auth):
            auth(self)
        else:
            raise NotImplementedError("requests: auth of type %s is not supported"
                                      % type(auth).__name__)


class Response:
    """A server's answer. The body is read at once unless stream=True."""

    __attrs__ = ["_content", "status_code", "headers", "url", "history",
                 "encoding", "reason", "cookies", "elapsed", "request"]

    def __init__(self):
        self._content = False
        self._content_consumed = False
        self._next = None
        self.status_code = None
        self.headers = CaseInsensitiveDict()
        self.raw = None
        self.url = None
        self.encoding = None
        self.history = []
        self.reason = None
        self.cookies = RequestsCookieJar()
        self.elapsed = make_elapsed(0)
        self.request = None
        self.connection = None

    def __repr__(self):
        return "<Response [%s]>" % self.status_code

    def __bool__(self):
        return self.ok

    def __iter__(self):
        return self.iter_content(128)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    @property
    def is_redirect(self):
        return "location" in self.headers and self.status_code in REDIRECT_CODES

    @property
    def is_permanent_redirect(self):
        return "location" in self.headers and self.status_code in (301, 308)

    @property
    def next(self):
        return self._next

    @property
    def apparent_encoding(self):
        """A guess from the bytes: utf-8 when they decode as it, else
        ISO-8859-1 (gilt has no charset detector)."""
        try:
            self.content.decode("utf-8")
        except UnicodeDecodeError:
            return "ISO-8859-1"
        return "utf-8"

    @property
    def links(self):
        return {}

    # -- the body -----------------------------------------------------------
    def _decoder(self):
        coding = (self.headers.get("content-encoding") or "").lower()
        if coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if coding == "deflate":
            return zlib.decompressobj()
        return None

    def _raw_chunks(self, chunk_size):
        raw = self.raw
        if raw is None:
            return
        decoder = self._decoder()
        while True:
            with _translate_errors(self.request):
                block = raw.read(chunk_size)
            if not block:
                break
            if decoder is not None:
                try:
                    block = decoder.decompress(block)
                except zlib.error as err:
                    raise ContentDecodingError("Received response with content-encoding: %s, "
                                               "but failed to decode it." % self.headers.get(
                                                   "content-encoding"), err)
                if not block:
                    continue
            yield block
        if decoder is not None:
            tail = decoder.flush()
            if tail:
                yield tail
        self._content_consumed = True
        self._release()

    def iter_content(self, chunk_size=1, decode_unicode=False):
        """The body in pieces of up to chunk_size bytes (str pieces with
        decode_unicode); from memory when it has been read already."""
        if self._content_consumed and isinstance(self._content, bool):
            raise StreamConsumedError()
        if chunk_size is not None and not isinstance(chunk_size, int):
            raise TypeError("chunk_size must be an int, it is instead a %s." % type(chunk_size))
        if self._content_consumed or self._content is not False:
            content = self._content
            size = chunk_size or len(content) or 1
            chunks = (content[i:i + size] for i in range(0, len(content), size))
        else:
            chunks = self._raw_chunks(chunk_size or CONTENT_CHUNK_SIZE)
        if not decode_unicode:
            return chunks
        return self._decode_chunks(chunks)

    def _decode_chunks(self, chunks):
        decoder = _IncrementalDecoder(self.encoding or "utf-8")
        for chunk in chunks:
            text = decoder.decode(chunk)
            if text:
                yield text
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail

    def iter_lines(self, chunk_size=ITER_CHUNK_SIZE, decode_unicode=False, delimiter=None):
        pending = None
        for chunk in self.iter_content(chunk_size, decode_unicode):
            if pending is not None:
                chunk = pending + chunk
            lines = chunk.split(delimiter) if delimiter else chunk.splitlines()
            if lines and lines[-1] and chunk and lines[-1][-1:] == chunk[-1:]:
                pending = lines.pop()
            else:
                pending = None
            yield from lines
        if pending is not None:
            yield pending

    @property
    def content(self):
        """The whole body as bytes."""
        if self._content is False:
            if self._content_consumed:
                raise RuntimeError("The content for this response was already consumed")
            if self.status_code == 0 or self.raw is None:
                self._content = None
            else:
                self._content = b"".join(self._raw_chunks(CONTENT_CHUNK_SIZE)) or b""
        self._content_consumed = True
        return self._content

    @property
    def text(self):
        """The body decoded with .encoding (or a guess)."""
        content = self.content
        if not content:
            return ""
        encoding = self.encoding or self.apparent_encoding
        try:
            return str(content, encoding, errors="replace")
        except (LookupError, TypeError):
            return str(content, errors="replace")

    def json(self, **kwargs):
        """The body parsed as JSON; requests.exceptions.JSONDecodeError if
        it is not JSON."""
        try:
            return _json.loads(self.text, **kwargs)
        except _json.JSONDecodeError as err:
            raise JSONDecodeError(err.msg, err.doc, err.pos)

    def raise_for_status(self):
        """HTTPError for a 4xx or 5xx status, with requests' message."""
        reason = self.reason
        if isinstance(reason, bytes):
            try:
                reason = reason.decode("utf-8")
            except UnicodeDecodeError:
                reason = reason.decode("iso-8859-1")
        if 400 <= self.status_code < 500:
            kind = "Client Error"
        elif 500 <= self.status_code < 600:
            kind = "Server Error"
        else:
            return
        raise HTTPError("%s %s: %s for url: %s" % (self.status_code, kind, reason, self.url),
                        response=self)

    def close(self):
        if not self._content_consumed and self.raw is not None:
            self.raw.close()
            self._discard()
        self._release()

    # -- the connection behind it ---------------------------------------------
    def _release(self):
        """Give the connection back to the session once the body is read."""
        release, self._release_conn = getattr(self, "_release_conn", None), None
        if release is not None:
            release()

    def _discard(self):
        discard, self._release_conn = getattr(self, "_discard_conn", None), None
        if discard is not None:
            discard()
