"""Splitting URLs into parts and joining them again, and %-quoting.

Follows RFC 3986 the way CPython 3.11's urllib.parse does, including its
leniencies: a scheme is recognised only when it is made of scheme characters,
the netloc is whatever follows "//" up to the first "/", "?" or "#", and tab,
CR and LF are removed anywhere in the URL (WHATWG's rule, bpo-43882).
Functions accept str or bytes; bytes in give bytes out (ASCII only).
"""

from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag", "urlsplit",
           "urlunsplit", "urlencode", "parse_qs", "parse_qsl", "quote",
           "quote_plus", "quote_from_bytes", "unquote", "unquote_plus",
           "unquote_to_bytes", "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

# Which schemes take part in relative resolution, carry a netloc, or have
# ";params" on their last path segment (the empty scheme counts for all three).
uses_relative = ["", "ftp", "http", "gopher", "nntp", "imap", "wais", "file",
                 "https", "shttp", "mms", "prospero", "rtsp", "rtspu", "sftp",
                 "svn", "svn+ssh", "ws", "wss"]
uses_netloc = ["", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais",
               "file", "mms", "https", "shttp", "snews", "prospero", "rtsp",
               "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git",
               "git+ssh", "ws", "wss"]
uses_params = ["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp",
               "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel"]

_ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
scheme_chars = _ALPHA + _DIGITS + "+-."
_ALWAYS_SAFE = frozenset((_ALPHA + _DIGITS + "_.-~").encode("ascii"))
_UNSAFE_CHARS = "\t\r\n"
_HEX = "0123456789ABCDEF"
MAX_CACHE_SIZE = 20


# ---------------------------------------------------------------- str/bytes

def _to_text(args):
    """(args as str, function turning a str result back into the caller's type)."""
    kinds = {isinstance(a, str) for a in args if a}
    if kinds == {False}:
        for a in args:
            if a and not isinstance(a, (bytes, bytearray)):
                raise TypeError("Cannot mix str and non-str arguments")
        return [a.decode("ascii", "strict") if a else "" for a in args], _encode_result
    if len(kinds) > 1:
        raise TypeError("Cannot mix str and non-str arguments")
    return list(args), _identity


def _identity(value):
    return value


def _encode_result(value):
    if isinstance(value, str):
        return value.encode("ascii", "strict")
    return value._encoded()


# ---------------------------------------------------------------- results

class _NetlocMixin:
    """The parts of a netloc, for str and bytes results alike."""
    __slots__ = ()

    def _text_netloc(self):
        netloc = self.netloc
        return netloc.decode("ascii") if isinstance(netloc, bytes) else netloc

    def _back(self, text):
        if text is None or isinstance(self.netloc, str):
            return text
        return text.encode("ascii")

    def _userinfo(self):
        netloc = self._text_netloc()
        if "@" not in netloc:
            return None, None
        info = netloc.rpartition("@")[0]
        user, colon, password = info.partition(":")
        return user, (password if colon else None)

    def _hostinfo(self):
        hostport = self._text_netloc().rpartition("@")[2]
        if hostport.startswith("["):
            inside, _, rest = hostport[1:].partition("]")
            port = rest.partition(":")[2] if rest.startswith(":") else None
            return inside, port
        host, colon, port = hostport.partition(":")
        return host, (port if colon else None)

    @property
    def username(self):
        return self._back(self._userinfo()[0])

    @property
    def password(self):
        return self._back(self._userinfo()[1])

    @property
    def hostname(self):
        host = self._hostinfo()[0]
        if not host:
            return None
        # A zone id after "%" in an IPv6 literal keeps its case.
        addr, pct, zone = host.partition("%")
        return self._back(addr.lower() + pct + zone)

    @property
    def port(self):
        text = self._hostinfo()[1]
        if not text:
            return None
        if text.isdigit() and text.isascii():
            number = int(text)
        else:
            raise ValueError(f"Port could not be cast to integer value as {text!r}")
        if not 0 <= number <= 65535:
            raise ValueError("Port out of range 0-65535")
        return number


class SplitResult(namedtuple("SplitResult", "scheme netloc path query fragment"), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)

    def _encoded(self):
        return SplitResultBytes(*(p.encode("ascii") for p in self))


class ParseResult(namedtuple("ParseResult", "scheme netloc path params query fragment"), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)

    def _encoded(self):
        return ParseResultBytes(*(p.encode("ascii") for p in self))


class DefragResult(namedtuple("DefragResult", "url fragment")):
    __slots__ = ()

    def geturl(self):
        return self.url + "#" + self.fragment if self.fragment else self.url

    def _encoded(self):
        return DefragResultBytes(*(p.encode("ascii") for p in self))


class SplitResultBytes(namedtuple("SplitResultBytes", "scheme netloc path query fragment"), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(namedtuple("ParseResultBytes", "scheme netloc path params query fragment"), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(namedtuple("DefragResultBytes", "url fragment")):
    __slots__ = ()

    def geturl(self):
        return self.url + b"#" + self.fragment if self.fragment else self.url


def _decode_parts(self, encoding="ascii", errors="strict"):
    kinds = {SplitResultBytes: SplitResult, ParseResultBytes: ParseResult,
             DefragResultBytes: DefragResult}
    return kinds[type(self)](*(p.decode(encoding, errors) for p in self))


def _encode_parts(self, encoding="ascii", errors="strict"):
    kinds = {SplitResult: SplitResultBytes, ParseResult: ParseResultBytes,
             DefragResult: DefragResultBytes}
    return kinds[type(self)](*(p.encode(encoding, errors) for p in self))


for _cls in (SplitResultBytes, ParseResultBytes, DefragResultBytes):
    _cls.decode = _decode_parts
for _cls in (SplitResult, ParseResult, DefragResult):
    _cls.encode = _encode_parts
del _cls


# ---------------------------------------------------------------- splitting

def _scheme_end(url):
    """Index of the ':' that ends a valid scheme at the start of url, or -1."""
    colon = url.find(":")
    if colon <= 0 or url[0] not in _ALPHA:
        return -1
    for ch in url[:colon]:
        if ch not in scheme_chars:
            return -1
    return colon


def _check_brackets(netloc):
    opened, closed = "[" in netloc, "]" in netloc
    if opened != closed:
        raise ValueError("Invalid IPv6 URL")


def urlsplit(url, scheme="", allow_fragments=True):
    """Split url into (scheme, netloc, path, query, fragment)."""
    (url, scheme), back = _to_text((url, scheme))
    url = url.lstrip("".join(chr(c) for c in range(33)))
    scheme = scheme.strip("".join(chr(c) for c in range(33)))
    for ch in _UNSAFE_CHARS:
        url = url.replace(ch, "")
        scheme = scheme.replace(ch, "")
    end = _scheme_end(url)
    if end > 0:
        scheme, url = url[:end].lower(), url[end + 1:]
    netloc = query = fragment = ""
    if url.startswith("//"):
        rest = url[2:]
        stop = len(rest)
        for sep in "/?#":
            at = rest.find(sep)
            if 0 <= at < stop:
                stop = at
        netloc, url = rest[:stop], rest[stop:]
        _check_brackets(netloc)
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return back(SplitResult(scheme, netloc, url, query, fragment))


def urlparse(url, scheme="", allow_fragments=True):
    """Split url into (scheme, netloc, path, params, query, fragment)."""
    (url, scheme), back = _to_text((url, scheme))
    parts = urlsplit(url, scheme, allow_fragments)
    path, params = parts.path, ""
    if parts.scheme in uses_params and ";" in path:
        path, params = _split_params(path)
    return back(ParseResult(parts.scheme, parts.netloc, path, params,
                            parts.query, parts.fragment))


def _split_params(path):
    last_slash = path.rfind("/")
    semi = path.find(";", max(last_slash, 0))
    if semi < 0:
        return path, ""
    return path[:semi], path[semi + 1:]


def urlunsplit(components):
    """Join a 5-tuple as urlsplit returns into a URL."""
    scheme, netloc, url, query, fragment, back = _unpack(components, 5)
    wants_slashes = scheme and scheme in uses_netloc and not url.startswith("//")
    if netloc or wants_slashes:
        if url and not url.startswith("/"):
            url = "/" + url
        url = "//" + netloc + url
    if scheme:
        url = scheme + ":" + url
    if query:
        url += "?" + query
    if fragment:
        url += "#" + fragment
    return back(url)


def _unpack(components, count):
    parts = tuple(components)
    if len(parts) != count:
        raise ValueError(f"not enough values to unpack (expected {count}, got {len(parts)})"
                         if len(parts) < count else
                         f"too many values to unpack (expected {count})")
    texts, back = _to_text(parts)
    return (*texts, back)


def urlunparse(components):
    """Join a 6-tuple as urlparse returns into a URL."""
    scheme, netloc, url, params, query, fragment, back = _unpack(components, 6)
    if params:
        url = url + ";" + params
    return back(urlunsplit((scheme, netloc, url, query, fragment)))


def urldefrag(url):
    """(url without its fragment, fragment)."""
    (url,), back = _to_text((url,))
    if "#" not in url:
        return back(DefragResult(url, ""))
    s, n, p, a, q, frag = urlparse(url)
    return back(DefragResult(urlunparse((s, n, p, a, q, "")), frag))


# ---------------------------------------------------------------- joining

def _remove_dot_segments(segments):
    """RFC 3986 section 5.2.4 over a list of path segments."""
    out = []
    for seg in segments:
        if seg == "..":
            if out:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if segments and segments[-1] in (".", ".."):
        out.append("")
    return out


def urljoin(base, url, allow_fragments=True):
    """Resolve url relative to base."""
    if not base:
        return url
    if not url:
        return base
    (base, url), back = _to_text((base, url))
    b = urlparse(base, "", allow_fragments)
    r = urlparse(url, b.scheme, allow_fragments)
    scheme, netloc, path, params, query, fragment = r
    if scheme != b.scheme or scheme not in uses_relative:
        return back(url)
    if scheme in uses_netloc:
        if netloc:
            return back(urlunparse(r))
        netloc = b.netloc
    if not path and not params:
        result = (scheme, netloc, b.path, b.params, query or b.query, fragment)
        return back(urlunparse(result))
    if path.startswith("/"):
        segments = path.split("/")
    else:
        base_segments = b.path.split("/")
        if base_segments[-1] != "":
            base_segments.pop()
        segments = base_segments + path.split("/")
        inner = [s for s in segments[1:-1] if s]
        segments = segments[:1] + inner + segments[-1:]
    resolved = "/".join(_remove_dot_segments(segments)) or "/"
    return back(urlunparse((scheme, netloc, resolved, params, query, fragment)))


# ---------------------------------------------------------------- quoting

def quote_from_bytes(bs, safe="/"):
    """%-escape every byte of bs except letters, digits, '_.-~' and safe."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ""
    if isinstance(safe, str):
        safe = safe.encode("ascii", "ignore")
    else:
        safe = bytes(c for c in safe if c < 128)
    keep = _ALWAYS_SAFE.union(safe)
    out = []
    for byte in bs:
        if byte in keep:
            out.append(chr(byte))
        else:
            out.append("%" + _HEX[byte >> 4] + _HEX[byte & 15])
    return "".join(out)


def quote(string, safe="/", encoding=None, errors=None):
    """%-escape string (str is encoded first, UTF-8 by default)."""
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or "utf-8", errors or "strict")
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe="", encoding=None, errors=None):
    """Like quote, but a space becomes '+' (HTML form encoding)."""
    has_space = (" " in string) if isinstance(string, str) else (b" " in string)
    if not has_space:
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        safe = safe + " "
    else:
        safe = safe + b" "
    return quote(string, safe, encoding, errors).replace(" ", "+")


def _hex_value(pair):
    if len(pair) == 2 and all(c in b"0123456789abcdefABCDEF" for c in pair):
        return int(pair, 16)
    return None


def unquote_to_bytes(string):
    """Replace %XX escapes by the bytes they stand for."""
    if not string:
        return b""
    if isinstance(string, str):
        string = string.encode("utf-8")
    pieces = bytes(string).split(b"%")
    out = bytearray(pieces[0])
    for piece in pieces[1:]:
        value = _hex_value(piece[:2])
        if value is None:
            out += b"%" + piece
        else:
            out.append(value)
            out += piece[2:]
    return bytes(out)


def unquote(string, encoding="utf-8", errors="replace"):
    """Replace %XX escapes, decoding each run of them as encoding."""
    if isinstance(string, (bytes, bytearray)):
        return unquote_to_bytes(string).decode(encoding, errors)
    if "%" not in string:
        return string
    out = []
    pending = bytearray()
    i, n = 0, len(string)
    while i < n:
        ch = string[i]
        if ch == "%":
            value = _hex_value(string[i + 1:i + 3].encode("ascii", "replace"))
            if value is not None:
                pending.append(value)
                i += 3
                continue
        if pending:
            out.append(pending.decode(encoding, errors))
            pending = bytearray()
        out.append(ch)
        i += 1
    if pending:
        out.append(pending.decode(encoding, errors))
    return "".join(out)


def unquote_plus(string, encoding="utf-8", errors="replace"):
    """Like unquote, but '+' becomes a space first."""
    return unquote(string.replace("+", " "), encoding, errors)


# ---------------------------------------------------------------- queries

def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding="utf-8", errors="replace", max_num_fields=None,
              separator="&"):
    """A query string as a list of (name, value) pairs."""
    if not qs:
        return []
    (qs,), back = _to_text((qs,))
    if isinstance(separator, bytes):
        separator = separator.decode("ascii")
    if not separator or not isinstance(separator, str):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None and qs.count(separator) + 1 > max_num_fields:
        raise ValueError("Max number of fields exceeded")
    pairs = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, eq, value = field.partition("=")
        if not eq:
            if strict_parsing:
                raise ValueError(f"bad query field: {field!r}")
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            name = unquote(name.replace("+", " "), encoding, errors)
            value = unquote(value.replace("+", " "), encoding, errors)
            pairs.append((back(name), back(value)))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding="utf-8", errors="replace", max_num_fields=None,
             separator="&"):
    """A query string as a dict from name to the list of its values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing,
                                 encoding, errors, max_num_fields, separator):
        result.setdefault(name, []).append(value)
    return result


def _quote_item(item, safe, encoding, errors, quote_via):
    if isinstance(item, (bytes, bytearray)):
        return quote_via(item, safe)
    return quote_via(str(item), safe, encoding, errors)


def urlencode(query, doseq=False, safe="", encoding=None, errors=None,
              quote_via=quote_plus):
    """A mapping or sequence of pairs as an 'a=1&b=2' query string."""
    if hasattr(query, "items"):
        pairs = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence "
                            "or mapping object") from err
        pairs = query
    out = []
    for key, value in pairs:
        key = _quote_item(key, safe, encoding, errors, quote_via)
        if not doseq or isinstance(value, (str, bytes, bytearray)):
            out.append(key + "=" + _quote_item(value, safe, encoding, errors, quote_via))
            continue
        try:
            len(value)
        except TypeError:
            out.append(key + "=" + _quote_item(value, safe, encoding, errors, quote_via))
            continue
        for element in value:
            out.append(key + "=" + _quote_item(element, safe, encoding, errors, quote_via))
    return "&".join(out)


def clear_cache():
    """Kept for compatibility: this module keeps no cache."""
