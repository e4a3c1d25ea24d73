"""JSON encoding and decoding with CPython's json API: dumps/dump,
loads/load, JSONEncoder, JSONDecoder, JSONDecodeError, detect_encoding.

The work is done natively by _json (both directions, with CPython's output
and error messages); this module holds the option handling.  Calls without
a cls go straight to _json, since json.dumps() and json.loads() are the
ones programs put in loops.
"""

import _json

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']

__version__ = '2.0.9'


class JSONDecodeError(ValueError):
    """Why a document could not be decoded: the message (msg), the
    document (doc), the offending index (pos), and pos as a 1-based line
    (lineno) and column (colno)."""

    def __init__(self, msg, doc, pos):
        line = doc.count('\n', 0, pos) + 1
        column = pos - doc.rfind('\n', 0, pos)
        super().__init__('%s: line %d column %d (char %d)' % (msg, line, column, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = line
        self.colno = column

    def __reduce__(self):
        # The formatted message is rebuilt from the three arguments.
        return self.__class__, (self.msg, self.doc, self.pos)


class JSONEncoder:
    """Turns dicts, lists, tuples, str, int, float, bool and None into JSON.
    Subclasses override default(o) to return something encodable for
    other objects (or raise TypeError)."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.indent = indent
        self.sort_keys = sort_keys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        self.skipkeys = skipkeys
        self.check_circular = check_circular
        # Class-level separators (a subclass may set its own) stay in force
        # unless separators are given; an indent only drops the comma's space.
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for objects JSON has no form for; return an encodable
        substitute or raise TypeError (which this version does)."""
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        """o as one JSON document (a str)."""
        return _json.encode(o, self.indent, self.item_separator, self.key_separator,
                            self.sort_keys, self.ensure_ascii, self.allow_nan,
                            self.skipkeys, self.default, self.check_circular)

    def iterencode(self, o, _one_shot=False):
        """o as JSON in pieces; here the document comes as a single piece."""
        yield self.encode(o)


class JSONDecoder:
    """Turns a JSON document into Python objects.  Hooks: object_hook(dict)
    or object_pairs_hook(list of pairs) for objects, parse_float,
    parse_int and parse_constant (for NaN, Infinity, -Infinity) for
    numbers; strict=False allows control characters inside strings."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict

    def _scan(self, s, start):
        # Built-in converters are passed as None: _json then makes the
        # numbers itself instead of calling back for each one.
        return _json.decode(s, JSONDecodeError, self.object_hook, self.object_pairs_hook,
                            _hook_or_none(self.parse_float, float),
                            _hook_or_none(self.parse_int, int),
                            _hook_or_none(self.parse_constant, _CONSTANTS.__getitem__),
                            self.strict, start)

    def decode(self, s, _w=None):
        """The object of the JSON document s; only white space may follow it."""
        return self._scan(s, None)

    def raw_decode(self, s, idx=0):
        """Decode the document that starts at s[idx] (no leading white
        space) and return (object, index where it ended); anything may
        follow it."""
        return self._scan(s, idx)


_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}


def _hook_or_none(hook, builtin):
    return None if hook == builtin else hook


_BOMS = ((b'\x00\x00\xfe\xff', 'utf-32'), (b'\xff\xfe\x00\x00', 'utf-32'),
         (b'\xfe\xff', 'utf-16'), (b'\xff\xfe', 'utf-16'),
         (b'\xef\xbb\xbf', 'utf-8-sig'))


def detect_encoding(b):
    """The codec of a JSON document given as bytes: from its BOM, else
    from the zero bytes among its first four (JSON text begins with ASCII,
    so they reveal the code unit width and byte order)."""
    for bom, codec in _BOMS:
        if b.startswith(bom):
            return codec
    if len(b) < 4:
        # Shorter than four bytes, only a two-byte text can be UTF-16.
        if len(b) != 2 or all(b):
            return 'utf-8'
        return 'utf-16-be' if b[0] == 0 else 'utf-16-le'
    if b[0] == 0:
        return 'utf-32-be' if b[1] == 0 else 'utf-16-be'
    if b[1] == 0:
        return 'utf-32-le' if b[2] == 0 and b[3] == 0 else 'utf-16-le'
    return 'utf-8'


def _as_text(s):
    if isinstance(s, str):
        # A BOM in a str means it was decoded with the wrong codec.
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
        return s
    if isinstance(s, (bytes, bytearray)):
        codec = detect_encoding(s)
        if codec == 'utf-8-sig':
            # gilt has no utf-8-sig codec: drop the BOM by hand.
            s, codec = s[3:], 'utf-8'
        return s.decode(codec, 'surrogatepass')
    raise TypeError('the JSON object must be str, bytes or bytearray, '
                    f'not {s.__class__.__name__}')


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python object of the JSON document s (str, or bytes/bytearray in
    UTF-8, UTF-16 or UTF-32).  Keyword arguments are JSONDecoder's; cls
    picks a JSONDecoder subclass."""
    text = _as_text(s)
    if cls is None and not kw:
        return _json.decode(text, JSONDecodeError, object_hook, object_pairs_hook,
                            parse_float, parse_int, parse_constant, True, None)
    hooks = (('object_hook', object_hook), ('object_pairs_hook', object_pairs_hook),
             ('parse_float', parse_float), ('parse_int', parse_int),
             ('parse_constant', parse_constant))
    for name, hook in hooks:
        if hook is not None:
            kw[name] = hook
    return (cls or JSONDecoder)(**kw).decode(text)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """loads() of everything fp.read() returns."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None, default=None,
          sort_keys=False, **kw):
    """obj as a JSON str.  Keyword arguments are JSONEncoder's; cls picks a
    JSONEncoder subclass."""
    if cls is None and not kw:
        # Inline, not a helper call: this is the hot path.  With an indent,
        # items end their lines, so no space follows the comma.
        if separators is None:
            item_sep, key_sep = (', ' if indent is None else ','), ': '
        else:
            item_sep, key_sep = separators
        return _json.encode(obj, indent, item_sep, key_sep, sort_keys, ensure_ascii,
                            allow_nan, skipkeys, default, check_circular)
    encoder = (cls or JSONEncoder)(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
        allow_nan=allow_nan, indent=indent, separators=separators, default=default,
        sort_keys=sort_keys, **kw)
    return encoder.encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None, default=None,
         sort_keys=False, **kw):
    """Write dumps(obj, ...) to fp, a file-like object with write()."""
    text = dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                 check_circular=check_circular, allow_nan=allow_nan, cls=cls,
                 indent=indent, separators=separators, default=default,
                 sort_keys=sort_keys, **kw)
    fp.write(text)
