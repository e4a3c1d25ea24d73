"""CaseInsensitiveDict: the mapping Response.headers and Session.headers
are. Keys keep the case they were last set with; lookups ignore case."""

from collections.abc import Mapping, MutableMapping


class CaseInsensitiveDict(MutableMapping):
    def __init__(self, data=None, **kwargs):
        self._entries = {}  # lower-cased key -> (key as given, value)
        self.update(data or {}, **kwargs)

    def __setitem__(self, key, value):
        self._entries[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._entries[key.lower()][1]

    def __delitem__(self, key):
        del self._entries[key.lower()]

    def __iter__(self):
        return (given for given, _ in self._entries.values())

    def __len__(self):
        return len(self._entries)

    def lower_items(self):
        return ((low, pair[1]) for low, pair in self._entries.items())

    def __eq__(self, other):
        if isinstance(other, Mapping):
            other = CaseInsensitiveDict(other)
        else:
            return NotImplemented
        return dict(self.lower_items()) == dict(other.lower_items())

    def copy(self):
        return CaseInsensitiveDict(self._entries.values())

    def __repr__(self):
        return str(dict(self.items()))


class LookupDict(dict):
    """Attribute access to a table of values (requests.codes)."""

    def __init__(self, name=None):
        self.name = name
        super().__init__()

    def __repr__(self):
        return "<lookup '%s'>" % self.name

    def __getitem__(self, key):
        return self.__dict__.get(key, None)

    def get(self, key, default=None):
        return self.__dict__.get(key, default)


class RequestsCookieJar(dict):
    """Cookies as name -> value. gilt keeps no domain, path or expiry
    rules: a session sends every cookie it holds to every server."""

    def set(self, name, value, **attributes):
        if value is None:
            self.pop(name, None)
        else:
            self[name] = value
        return value

    def get_dict(self, domain=None, path=None):
        return dict(self)

    def update(self, other=(), **kwargs):
        dict.update(self, other, **kwargs)

    def copy(self):
        return RequestsCookieJar(self)

    def __repr__(self):
        inner = ", ".join("<Cookie %s=%s>" % item for item in self.items())
        return "<RequestsCookieJar[%s]>" % inner


def cookies_from_headers(values):
    """The name=value of each Set-Cookie header (attributes ignored)."""
    jar = RequestsCookieJar()
    for value in values or ():
        pair = value.split(";", 1)[0]
        name, eq, val = pair.partition("=")
        if eq and name.strip():
            jar[name.strip()] = val.strip()
    return jar
