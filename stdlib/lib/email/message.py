"""email.message.Message: an ordered list of headers with case-insensitive
lookup, plus a payload. Only the header API that HTTP code uses is here
(the compat32 behaviour: values are kept as given, never re-folded)."""

__all__ = ["Message"]


class Message:
    """Headers are (name, value) pairs in arrival order; a name may repeat.
    Indexing returns the first value for a name (None if absent) and
    assignment appends, as in CPython."""

    def __init__(self, policy=None):
        self._headers = []
        self._payload = None
        self.policy = policy

    # -- mapping-like access -------------------------------------------
    def __len__(self):
        return len(self._headers)

    def __contains__(self, name):
        wanted = name.lower()
        return any(k.lower() == wanted for k, _ in self._headers)

    def __iter__(self):
        return iter([k for k, _ in self._headers])

    def __getitem__(self, name):
        return self.get(name)

    def __setitem__(self, name, value):
        self._headers.append((name, value))

    def __delitem__(self, name):
        wanted = name.lower()
        self._headers = [(k, v) for k, v in self._headers if k.lower() != wanted]

    def keys(self):
        return [k for k, _ in self._headers]

    def values(self):
        return [v for _, v in self._headers]

    def items(self):
        return list(self._headers)

    def get(self, name, failobj=None):
        wanted = name.lower()
        for k, v in self._headers:
            if k.lower() == wanted:
                return v
        return failobj

    def get_all(self, name, failobj=None):
        wanted = name.lower()
        found = [v for k, v in self._headers if k.lower() == wanted]
        return found if found else failobj

    def add_header(self, _name, _value, **params):
        parts = [_value] if _value is not None else []
        for key, val in params.items():
            key = key.replace("_", "-")
            parts.append(key if val is None else f'{key}="{val}"')
        self._headers.append((_name, "; ".join(parts)))

    def replace_header(self, _name, _value):
        wanted = _name.lower()
        for i, (k, _) in enumerate(self._headers):
            if k.lower() == wanted:
                self._headers[i] = (k, _value)
                return
        raise KeyError(_name)

    # -- content type ----------------------------------------------------
    def _params(self, header="content-type"):
        value = self.get(header)
        if value is None:
            return None, {}
        main, *rest = value.split(";")
        params = {}
        for item in rest:
            key, eq, val = item.strip().partition("=")
            if key:
                val = val.strip()
                if len(val) >= 2 and val[0] == val[-1] == '"':
                    val = val[1:-1]
                params[key.strip().lower()] = val
        return main.strip().lower(), params

    def get_content_type(self):
        main = self._params()[0]
        if not main or main.count("/") != 1:
            return self.get_default_type()
        return main

    def get_default_type(self):
        return "text/plain"

    def get_content_maintype(self):
        return self.get_content_type().split("/")[0]

    def get_content_subtype(self):
        return self.get_content_type().split("/")[1]

    def get_param(self, param, failobj=None, header="content-type", unquote=True):
        main, params = self._params(header)
        if main is None:
            return failobj
        return params.get(param.lower(), failobj)

    def get_params(self, failobj=None, header="content-type", unquote=True):
        main, params = self._params(header)
        if main is None:
            return failobj
        return [(main, "")] + list(params.items())

    def get_content_charset(self, failobj=None):
        charset = self.get_param("charset")
        return charset.lower() if charset else failobj

    def get_filename(self, failobj=None):
        return self.get_param("filename", failobj, "content-disposition")

    # -- payload ---------------------------------------------------------
    def set_payload(self, payload, charset=None):
        self._payload = payload

    def get_payload(self, i=None, decode=False):
        return self._payload

    def is_multipart(self):
        return isinstance(self._payload, list)

    def as_string(self, unixfrom=False, maxheaderlen=0, policy=None):
        lines = [f"{k}: {v}\n" for k, v in self._headers]
        return "".join(lines) + "\n" + (self._payload or "")

    def __str__(self):
        return self.as_string()

    def as_bytes(self, unixfrom=False, policy=None):
        return self.as_string().encode("utf-8", "surrogateescape")


def _parse_header_lines(msg, lines):
    """Add 'Name: value' lines to msg. An indented line continues the
    previous value, which keeps the line break (compat32 keeps folding)."""
    name = None
    value = ""
    for line in lines:
        if line[:1] in (" ", "\t") and name is not None:
            value += line
            continue
        if name is not None:
            msg._headers.append((name, value.rstrip("\r\n")))
            name = None
        key, colon, rest = line.partition(":")
        if colon and key and " " not in key.strip() and key == key.rstrip():
            name, value = key, rest.lstrip(" \t")
    if name is not None:
        msg._headers.append((name, value.rstrip("\r\n")))
