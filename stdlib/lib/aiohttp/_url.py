"""A small URL value for gilt's aiohttp (the part of yarl.URL responses and
errors expose): parsed once, printed as given."""

from urllib.parse import urlsplit, urlencode, parse_qsl, unquote_plus

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


class URL:
    def __init__(self, text):
        if isinstance(text, URL):
            text = str(text)
        if not isinstance(text, str):
            raise TypeError("Constructor parameter should be str")
        self._text = text
        self._parts = urlsplit(text)

    @property
    def scheme(self):
        return self._parts.scheme

    @property
    def host(self):
        return self._parts.hostname

    @property
    def port(self):
        port = self._parts.port
        return port if port is not None else _DEFAULT_PORTS.get(self.scheme)

    @property
    def explicit_port(self):
        return self._parts.port

    @property
    def path(self):
        return self._parts.path or "/"

    @property
    def raw_path(self):
        return self.path

    @property
    def query_string(self):
        # Decoded, as yarl gives it ('b=two words'); the encoded form is
        # raw_query_string.
        return unquote_plus(self._parts.query)

    @property
    def raw_query_string(self):
        return self._parts.query

    @property
    def query(self):
        return dict(parse_qsl(self._parts.query, keep_blank_values=True))

    @property
    def fragment(self):
        return self._parts.fragment

    @property
    def path_qs(self):
        q = self._parts.query
        return self.path + ("?" + q if q else "")

    raw_path_qs = path_qs

    def is_absolute(self):
        return bool(self._parts.netloc)

    def origin(self):
        return URL("%s://%s" % (self.scheme, self._parts.netloc))

    def with_query(self, query):
        base = self._text.split("#", 1)[0].split("?", 1)[0]
        if isinstance(query, str):
            q = query
        else:
            q = urlencode(list(query.items()) if hasattr(query, "items") else list(query))
        return URL(base + ("?" + q if q else ""))

    def join(self, other):
        from urllib.parse import urljoin
        return URL(urljoin(self._text, str(other)))

    def __str__(self):
        return self._text

    def __repr__(self):
        return "URL(%r)" % self._text

    def __eq__(self, other):
        if isinstance(other, URL):
            return self._text == other._text
        return NotImplemented

    def __hash__(self):
        return hash(self._text)
