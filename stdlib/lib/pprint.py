"""Pretty printing of Python data structures.

pformat(obj) is repr(obj) when that fits in `width` columns; otherwise the
containers are broken over several lines, one item per line (or as many as
fit with compact=True), each nested level indented by `indent` more
columns, and long strings and bytes are split into adjacent literals. Dict
keys and set items are sorted (sort_dicts=False keeps a dict's order).
Objects deeper than `depth` are shown as '...', and an object that contains
itself as '<Recursion on TYPE with id=N>'.

How it works: every object is first tried as one line (_one_line, which is
also saferepr and knows about depth and recursion). When that is too wide
for the space left and the type has a layout here (the table _layouts,
keyed by the type's __repr__, so subclasses that keep their parent's repr
are laid out like it), the layout writes it piece by piece, recursing for
each item with the columns that the closing brackets still need
(`allowance`). Output matches CPython 3.11's pprint.
"""

import collections as _collections
import sys as _sys
import types as _types
from io import StringIO as _StringIO

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    """Writes the pretty form of object to stream (sys.stdout) and a newline."""
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """The pretty form of object, as a string."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint, keeping dicts in their own order by default."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """repr(object), but safe for recursive structures."""
    return PrettyPrinter()._one_line(object, {}, None, 0)[0]


def isreadable(object):
    """Could eval() rebuild object from its pretty form?"""
    return PrettyPrinter()._one_line(object, {}, None, 0)[1]


def isrecursive(object):
    """Does object contain itself?"""
    return PrettyPrinter()._one_line(object, {}, None, 0)[2]


class _Ordered:
    """A sort key that never fails: values that cannot be compared are
    ordered by type name, then id."""

    __slots__ = ["obj"]

    def __init__(self, obj):
        self.obj = obj

    def _fallback(self):
        return str(type(self.obj)), id(self.obj)

    def __lt__(self, other):
        mine, theirs = self.obj, other.obj
        try:
            return mine < theirs
        except TypeError:
            return self._fallback() < other._fallback()


def _pair_key(pair):
    return _Ordered(pair[0]), _Ordered(pair[1])


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


_SCALARS = frozenset([str, bytes, bytearray, float, complex, bool, type(None)])


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        """indent: columns added per nesting level; width: the columns to fit
        in; depth: how many levels to show; stream: where pprint() writes;
        compact: several short items per line; sort_dicts: sort dicts by
        key; underscore_numbers: ints as 1_000_000."""
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._width, self._depth, self._indent_per_level = width, depth, indent
        self._compact, self._sort_dicts = bool(compact), sort_dicts
        self._underscore_numbers = underscore_numbers
        self._stream = _sys.stdout if stream is None else stream

    # --- the public methods ---

    def pprint(self, object):
        out = self._stream
        if out is None:
            return    # no sys.stdout (a daemon without a console)
        self._format(object, out, 0, 0, {}, 0)
        out.write("\n")

    def pformat(self, object):
        out = _StringIO()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(one-line repr, is it readable, is it recursive). Subclasses may
        override it to show some objects differently."""
        return self._one_line(object, context, maxlevels, level)

    # --- one line ---

    def _one_line(self, object, context, maxlevels, level):
        kind = type(object)
        if kind in _SCALARS:
            return repr(object), True, False
        shown = kind.__repr__
        if issubclass(kind, int) and shown is int.__repr__:
            text = f"{object:_d}" if self._underscore_numbers else repr(object)
            return text, True, False
        if issubclass(kind, dict) and shown is dict.__repr__:
            return self._one_line_dict(object, context, maxlevels, level)
        if (issubclass(kind, list) and shown is list.__repr__) or \
                (issubclass(kind, tuple) and shown is tuple.__repr__):
            return self._one_line_sequence(object, context, maxlevels, level)
        text = repr(object)
        return text, bool(text) and not text.startswith("<"), False

    def _enter(self, object, context, maxlevels, level, empty, elided):
        """Common start of a container: its text when it need not be
        expanded (empty, too deep, recursive), else None after marking it
        as being shown."""
        if not object:
            return empty, True, False
        key = id(object)
        if maxlevels and level >= maxlevels:
            return elided, False, key in context
        if key in context:
            return _recursion(object), False, True
        context[key] = 1
        return None

    def _one_line_dict(self, object, context, maxlevels, level):
        early = self._enter(object, context, maxlevels, level, "{}", "{...}")
        if early is not None:
            return early
        pairs = object.items()
        if self._sort_dicts:
            pairs = sorted(pairs, key=_pair_key)
        parts, readable, recursive = [], True, False
        for key, value in pairs:
            ktext, kreadable, krecursive = self.format(key, context, maxlevels, level + 1)
            vtext, vreadable, vrecursive = self.format(value, context, maxlevels, level + 1)
            parts.append(ktext + ": " + vtext)
            readable = readable and kreadable and vreadable
            recursive = recursive or krecursive or vrecursive
        del context[id(object)]
        return "{" + ", ".join(parts) + "}", readable, recursive

    def _one_line_sequence(self, object, context, maxlevels, level):
        if isinstance(object, list):
            opening, closing = "[", "]"
        else:
            opening, closing = "(", ",)" if len(object) == 1 else ")"
        early = self._enter(object, context, maxlevels, level, opening + closing[-1],
                            opening + "..." + closing)
        if early is not None:
            return early
        parts, readable, recursive = [], True, False
        for item in object:
            text, item_readable, item_recursive = self.format(item, context, maxlevels,
                                                              level + 1)
            parts.append(text)
            readable = readable and item_readable
            recursive = recursive or item_recursive
        del context[id(object)]
        return opening + ", ".join(parts) + closing, readable, recursive

    def _repr(self, object, context, level):
        text, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    # --- several lines ---

    def _format(self, object, stream, indent, allowance, context, level):
        key = id(object)
        if key in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        text = self._repr(object, context, level)
        if len(text) <= self._width - indent - allowance:
            stream.write(text)
            return
        layout = self._layouts.get(type(object).__repr__)
        if layout is None and _is_plain_dataclass(object):
            layout = PrettyPrinter._lay_out_dataclass
        if layout is None:
            stream.write(text)
            return
        context[key] = 1
        layout(self, object, stream, indent, allowance, context, level + 1)
        del context[key]

    def _pad(self, stream):
        # With indent > 1 the first item moves right by the extra columns,
        # as the following ones do.
        if self._indent_per_level > 1:
            stream.write(" " * (self._indent_per_level - 1))

    def _format_items(self, items, stream, indent, allowance, context, level):
        """Items separated by ',' and a newline (or, compact, filling each
        line); the last one leaves `allowance` columns free."""
        indent += self._indent_per_level
        self._pad(stream)
        newline = ",\n" + " " * indent
        room = full = self._width - indent + 1
        items = list(items)
        separator = ""
        for position, item in enumerate(items):
            last = position == len(items) - 1
            if last:
                room -= allowance
                full -= allowance
            if self._compact:
                text = self._repr(item, context, level)
                needed = len(text) + 2
                if room < needed:
                    room = full
                    if separator:
                        separator = newline
                if room >= needed:
                    room -= needed
                    stream.write(separator)
                    separator = ", "
                    stream.write(text)
                    continue
            stream.write(separator)
            separator = newline
            self._format(item, stream, indent, allowance if last else 1, context, level)

    def _format_pairs(self, pairs, stream, indent, allowance, context, level):
        """'key: value' lines of a dict; values continue after their key."""
        indent += self._indent_per_level
        pairs = list(pairs)
        for position, (key, value) in enumerate(pairs):
            last = position == len(pairs) - 1
            key_text = self._repr(key, context, level)
            stream.write(key_text + ": ")
            self._format(value, stream, indent + len(key_text) + 2, allowance if last else 1,
                         context, level)
            if not last:
                stream.write(",\n" + " " * indent)

    def _format_keywords(self, pairs, stream, indent, allowance, context, level):
        """'name=value' lines of a namespace or dataclass."""
        pairs = list(pairs)
        for position, (name, value) in enumerate(pairs):
            last = position == len(pairs) - 1
            stream.write(name + "=")
            if id(value) in context:
                stream.write("...")    # the namespace contains itself
            else:
                self._format(value, stream, indent + len(name) + 1, allowance if last else 1,
                             context, level)
            if not last:
                stream.write(",\n" + " " * indent)

    # --- the layouts of the types that have one ---

    def _lay_out_dict(self, object, stream, indent, allowance, context, level):
        stream.write("{")
        self._pad(stream)
        if len(object):
            pairs = object.items()
            if self._sort_dicts:
                pairs = sorted(pairs, key=_pair_key)
            self._format_pairs(pairs, stream, indent, allowance + 1, context, level)
        stream.write("}")

    def _lay_out_ordered_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + "(")
        self._format(list(object.items()), stream, indent + len(name) + 1, allowance + 1,
                     context, level)
        stream.write(")")

    def _lay_out_list(self, object, stream, indent, allowance, context, level):
        stream.write("[")
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write("]")

    def _lay_out_tuple(self, object, stream, indent, allowance, context, level):
        closing = ",)" if len(object) == 1 else ")"
        stream.write("(")
        self._format_items(object, stream, indent, allowance + len(closing), context, level)
        stream.write(closing)

    def _lay_out_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        if type(object) is set:
            stream.write("{")
            closing = "}"
        else:
            name = type(object).__name__
            stream.write(name + "({")
            closing = "})"
            indent += len(name) + 1
        ordered = sorted(object, key=_Ordered)
        self._format_items(ordered, stream, indent, allowance + len(closing), context, level)
        stream.write(closing)

    def _lay_out_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        if level == 1:    # a top-level string gets parentheses
            indent += 1
            allowance += 1
        pieces = _split_text(object, self._width - indent, allowance)
        if len(pieces) == 1:
            stream.write(repr(object))
            return
        stream.write(("(" if level == 1 else "") + ("\n" + " " * indent).join(pieces) +
                     (")" if level == 1 else ""))

    def _lay_out_bytes(self, object, stream, indent, allowance, context, level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        top = level == 1
        if top:
            indent += 1
            allowance += 1
        pieces = _split_bytes(object, self._width - indent, allowance)
        joined = ("\n" + " " * indent).join(pieces)
        stream.write("(" + joined + ")" if top else joined)

    def _lay_out_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write("bytearray(")
        self._lay_out_bytes(bytes(object), stream, indent + 10, allowance + 1, context,
                            level + 1)
        stream.write(")")

    def _lay_out_mappingproxy(self, object, stream, indent, allowance, context, level):
        stream.write("mappingproxy(")
        self._format(object.copy(), stream, indent + 13, allowance + 1, context, level)
        stream.write(")")

    def _lay_out_namespace(self, object, stream, indent, allowance, context, level):
        kind = type(object)
        name = "namespace" if kind is _types.SimpleNamespace else kind.__name__
        stream.write(name + "(")
        self._format_keywords(object.__dict__.items(), stream, indent + len(name) + 1,
                              allowance, context, level)
        stream.write(")")

    def _lay_out_dataclass(self, object, stream, indent, allowance, context, level):
        from dataclasses import fields
        name = type(object).__name__
        shown = [(f.name, getattr(object, f.name)) for f in fields(object) if f.repr]
        stream.write(name + "(")
        self._format_keywords(shown, stream, indent + len(name) + 1, allowance, context, level)
        stream.write(")")

    def _lay_out_defaultdict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = type(object).__name__
        indent += len(name) + 1
        stream.write("%s(%s,\n%s" % (name, factory, " " * indent))
        self._lay_out_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(")")

    def _lay_out_counter(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + "({")
        self._pad(stream)
        self._format_pairs(object.most_common(), stream, indent + len(name) + 1,
                           allowance + 2, context, level)
        stream.write("})")

    def _lay_out_chainmap(self, object, stream, indent, allowance, context, level):
        maps = object.maps
        if not len(maps):
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + "(")
        indent += len(name) + 1
        for position, mapping in enumerate(maps):
            if position == len(maps) - 1:
                self._format(mapping, stream, indent, allowance + 1, context, level)
                stream.write(")")
            else:
                self._format(mapping, stream, indent, 1, context, level)
                stream.write(",\n" + " " * indent)

    def _lay_out_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + "([")
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2, context, level)
            stream.write("])")
            return
        self._format_items(object, stream, indent, 2, context, level)
        limit = self._repr(object.maxlen, context, level)
        stream.write("],\n%smaxlen=%s)" % (" " * indent, limit))

    def _lay_out_user_wrapper(self, object, stream, indent, allowance, context, level):
        # UserDict, UserList and UserString look like what they wrap.
        self._format(object.data, stream, indent, allowance, context, level - 1)

    _layouts = {}


def _is_plain_dataclass(object):
    """A dataclass instance whose repr is the one dataclass generated (so
    the fields may be laid out one per line), not the class's own."""
    params = getattr(type(object), "__dataclass_params__", None)
    if params is None or isinstance(object, type) or not params.repr:
        return False
    method = getattr(type(object), "__repr__", None)
    # CPython's generated functions come from __create_fn__; gilt's
    # dataclasses compile theirs from a string.
    wrapped = getattr(method, "__wrapped__", None)
    if wrapped is not None and "__create_fn__" in getattr(wrapped, "__qualname__", ""):
        return True
    code = getattr(method, "__code__", None)
    return code is not None and code.co_filename == "<string>" and code.co_name == "__repr__"


def _split_text(text, width, allowance):
    """text as the reprs of consecutive pieces: one per line of the text,
    and a line too long for width cut after a run of whitespace; the last
    piece leaves allowance columns free."""
    pieces = []
    lines = text.splitlines(True)
    for number, line in enumerate(lines):
        last_line = number == len(lines) - 1
        limit = width - allowance if last_line else width
        if len(repr(line)) <= limit:
            pieces.append(repr(line))
            continue
        words = _words_with_spaces(line)
        current = ""
        for index, word in enumerate(words):
            limit = width - allowance if last_line and index == len(words) - 1 else width
            if len(repr(current + word)) > limit:
                if current:
                    pieces.append(repr(current))
                current = word
            else:
                current += word
        if current:
            pieces.append(repr(current))
    return pieces


def _words_with_spaces(line):
    """line cut after each run of whitespace: 'a b  c' -> ['a ', 'b  ', 'c']."""
    words = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        while i < n and not line[i].isspace():
            i += 1
        while i < n and line[i].isspace():
            i += 1
        words.append(line[start:i])
        start = i
    return words


def _split_bytes(data, width, allowance):
    """data as the reprs of consecutive pieces, four bytes at a time."""
    pieces = []
    current = b""
    last_start = len(data) // 4 * 4
    for start in range(0, len(data), 4):
        part = data[start:start + 4]
        if start == last_start:
            width -= allowance
        if len(repr(current + part)) > width:
            if current:
                pieces.append(repr(current))
            current = part
        else:
            current += part
    if current:
        pieces.append(repr(current))
    return pieces


def _register_layouts():
    table = PrettyPrinter._layouts
    P = PrettyPrinter
    table.update({
        dict.__repr__: P._lay_out_dict,
        list.__repr__: P._lay_out_list,
        tuple.__repr__: P._lay_out_tuple,
        set.__repr__: P._lay_out_set,
        frozenset.__repr__: P._lay_out_set,
        str.__repr__: P._lay_out_str,
        bytes.__repr__: P._lay_out_bytes,
        bytearray.__repr__: P._lay_out_bytearray,
        _types.SimpleNamespace.__repr__: P._lay_out_namespace,
    })
    optional = [
        (_types, "MappingProxyType", P._lay_out_mappingproxy),
        (_collections, "OrderedDict", P._lay_out_ordered_dict),
        (_collections, "defaultdict", P._lay_out_defaultdict),
        (_collections, "Counter", P._lay_out_counter),
        (_collections, "ChainMap", P._lay_out_chainmap),
        (_collections, "deque", P._lay_out_deque),
        (_collections, "UserDict", P._lay_out_user_wrapper),
        (_collections, "UserList", P._lay_out_user_wrapper),
        (_collections, "UserString", P._lay_out_user_wrapper),
    ]
    for module, name, layout in optional:
        kind = getattr(module, name, None)
        # A type whose repr is another's (mappingproxy is dict in gilt)
        # keeps the layout it already has.
        if kind is not None and kind.__repr__ not in table:
            table[kind.__repr__] = layout


_register_layouts()
del _register_layouts
