"""String constants (ascii_letters, digits, punctuation, ...), capwords(),
Template for "$name" substitution, and Formatter, str.format() as a class
whose steps (parse, get_field, get_value, convert_field, format_field,
check_unused_args) can be overridden.

CPython builds Template's scanner from a regular expression and parses
format strings natively; gilt has neither, so both scanners are written
out here.  Template subclasses may change `delimiter`; an `idpattern` or
`pattern` of their own is not honoured, as there is no re module.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = ascii_lowercase.upper()
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
octdigits = digits[:8]
hexdigits = digits + ascii_lowercase[:6] + ascii_uppercase[:6]
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
whitespace = ' \t\n\r\x0b\x0c'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words with str.split(sep), capitalize each one, and
    join them again with sep (a single space when sep is None, so runs of
    white space collapse)."""
    joiner = ' ' if sep is None else sep
    return joiner.join(word.capitalize() for word in s.split(sep))


# ---- Template -----------------------------------------------------------

_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


def _identifier_end(text, start):
    """End of the ASCII identifier at text[start], or start if none."""
    if start >= len(text) or text[start] not in _ID_START:
        return start
    end = start + 1
    while end < len(text) and text[end] in _ID_CHARS:
        end += 1
    return end


def _line_and_column(text, index):
    """1-based line and column of text[index - 1], as the error reports it."""
    lines = text[:index].splitlines(keepends=True)
    if not lines:
        return 1, 1
    return len(lines), index - len(''.join(lines[:-1]))


class _Overlay:
    """Keyword arguments looked up first, then the mapping argument."""

    def __init__(self, front, back):
        self.front = front
        self.back = back

    def __getitem__(self, key):
        if key in self.front:
            return self.front[key]
        return self.back[key]


class Template:
    """A string with $name and ${name} placeholders; $$ stands for $."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        """Yield (start, end, kind, name) for each delimiter in the
        template; kind is 'escaped', 'named', 'braced' or 'invalid'."""
        text = self.template
        delim = self.delimiter
        pos = text.find(delim)
        while pos >= 0:
            after = pos + len(delim)
            if text.startswith(delim, after):
                yield pos, after + len(delim), 'escaped', None
                pos = text.find(delim, after + len(delim))
                continue
            end = _identifier_end(text, after)
            if end > after:
                yield pos, end, 'named', text[after:end]
            else:
                end = _identifier_end(text, after + 1)
                closed = text.startswith('{', after) and text.startswith('}', end)
                if closed and end > after + 1:
                    end += 1
                    yield pos, end, 'braced', text[after + 1:end - 1]
                else:
                    end = after
                    yield pos, end, 'invalid', None
            pos = text.find(delim, end)

    def _render(self, mapping, safe):
        text = self.template
        pieces = []
        copied = 0
        for start, end, kind, name in self._placeholders():
            pieces.append(text[copied:start])
            copied = end
            if kind == 'escaped':
                pieces.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    line, col = _line_and_column(text, end)
                    raise ValueError('Invalid placeholder in string: line %d, col %d'
                                     % (line, col))
                pieces.append(self.delimiter)
            elif safe:
                try:
                    pieces.append(str(mapping[name]))
                except KeyError:
                    pieces.append(text[start:end])
            else:
                pieces.append(str(mapping[name]))
        pieces.append(text[copied:])
        return ''.join(pieces)

    def substitute(self, mapping=None, /, **kws):
        """Replace every placeholder; a missing name raises KeyError and a
        stray delimiter raises ValueError."""
        return self._render(_choose_mapping(mapping, kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        """Like substitute(), but leave unknown or malformed placeholders
        in the result as they are."""
        return self._render(_choose_mapping(mapping, kws), True)

    def is_valid(self):
        """False if the template has a delimiter that starts no placeholder."""
        return all(kind != 'invalid' for _, _, kind, _ in self._placeholders())

    def get_identifiers(self):
        """The placeholder names, each once, in order of first use."""
        names = []
        for _, _, kind, name in self._placeholders():
            if name is not None and name not in names:
                names.append(name)
        return names


def _choose_mapping(mapping, kws):
    if mapping is None:
        return kws
    if kws:
        return _Overlay(kws, mapping)
    return mapping


# ---- Formatter ----------------------------------------------------------

def _field_end(text, pos):
    """Scan a replacement field's name from text[pos]; return the index of
    the ':', '!' or '}' that ends it.  Brackets may hold any of those."""
    while pos < len(text):
        ch = text[pos]
        if ch == '[':
            close = text.find(']', pos)
            if close < 0:
                break
            pos = close
        elif ch == '{':
            raise ValueError("unexpected '{' in field name")
        elif ch in ':!}':
            return pos
        pos += 1
    raise ValueError("expected '}' before end of string")


def _spec_end(text, pos):
    """Index of the '}' closing a format spec that starts at text[pos];
    the spec may hold nested {...} fields."""
    depth = 1
    while pos < len(text):
        if text[pos] == '{':
            depth += 1
        elif text[pos] == '}':
            depth -= 1
            if not depth:
                return pos
        pos += 1
    raise ValueError("unmatched '{' in format spec")


def _parse_field(text, pos):
    """Parse the field whose name starts at text[pos] (just after its '{').
    Return (name, spec, conversion, index after the closing '}')."""
    stop = _field_end(text, pos)
    name = text[pos:stop]
    conversion = None
    if text[stop] == '!':
        if stop + 1 >= len(text):
            raise ValueError("end of string while looking for conversion specifier")
        conversion = text[stop + 1]
        stop += 2
        if stop >= len(text):
            raise ValueError("unmatched '{' in format spec")
        if text[stop] not in ':}':
            raise ValueError("expected ':' after conversion specifier")
    if text[stop] == '}':
        return name, '', conversion, stop + 1
    close = _spec_end(text, stop + 1)
    return name, text[stop + 1:close], conversion, close + 1


def _parse_format(text):
    """The (literal_text, field_name, format_spec, conversion) tuples of
    a format string, as str.format() reads it.  A doubled brace ends the
    literal before it with one brace of its own."""
    literal = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        doubled = ch in '{}' and text.startswith(ch * 2, pos)
        if ch == '}' and not doubled:
            raise ValueError("Single '}' encountered in format string")
        if ch not in '{}' or doubled:
            literal.append(ch)
            pos += 2 if doubled else 1
            if doubled:
                yield ''.join(literal), None, None, None
                literal = []
            continue
        if pos + 1 >= len(text):
            raise ValueError("Single '{' encountered in format string")
        name, spec, conversion, pos = _parse_field(text, pos + 1)
        yield ''.join(literal), name, spec, conversion
        literal = []
    if literal:
        yield ''.join(literal), None, None, None


def _split_field_name(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]); a decimal first part
    becomes an int, like a decimal index in brackets."""
    stop = len(name)
    for i, ch in enumerate(name):
        if ch in '.[':
            stop = i
            break
    first = name[:stop]
    return (int(first) if first.isdecimal() else first), _field_lookups(name, stop)


def _field_lookups(name, pos):
    # A generator, so that a malformed tail is reported only after the
    # first part was looked up, as CPython does.
    while pos < len(name):
        if name[pos] == '.':
            end = pos + 1
            while end < len(name) and name[end] not in '.[':
                end += 1
            if end == pos + 1:
                raise ValueError("Empty attribute in format string")
            yield True, name[pos + 1:end]
        else:
            end = name.find(']', pos)
            if end < 0:
                raise ValueError("Missing ']' in format string")
            key = name[pos + 1:end]
            if not key:
                raise ValueError("Empty attribute in format string")
            yield False, (int(key) if key.isdecimal() else key)
            end += 1
            if end < len(name) and name[end] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        pos = end


class Formatter:
    """str.format() split into overridable steps: vformat() parses the
    format string with parse(), fetches each field with get_field() and
    get_value(), applies convert_field() and format_field(), and finally
    calls check_unused_args()."""

    def format(self, format_string, /, *args, **kwargs):
        """Format like format_string.format(*args, **kwargs)."""
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        """format() with the arguments given as a sequence and a mapping."""
        used = set()
        text, _ = self._vformat(format_string, args, kwargs, used, 2)
        self.check_unused_args(used, args, kwargs)
        return text

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        # auto_arg_index is the next automatic field number, or False once
        # a field was numbered by hand: the two styles cannot be mixed.
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        out = []
        for literal, name, spec, conversion in self.parse(format_string):
            out.append(literal)
            if name is None:
                continue
            name, auto_arg_index = _number_field(name, auto_arg_index)
            value, key = self.get_field(name, args, kwargs)
            used_args.add(key)
            value = self.convert_field(value, conversion)
            # The spec may itself contain fields: {0:{width}}.
            spec, auto_arg_index = self._vformat(spec, args, kwargs, used_args,
                                                 recursion_depth - 1, auto_arg_index)
            out.append(self.format_field(value, spec))
        return ''.join(out), auto_arg_index

    def parse(self, format_string):
        """Yield (literal_text, field_name, format_spec, conversion) for
        each piece of format_string; the last three are None after a
        trailing literal."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """Return (object, key): the object field_name designates, after
        its .attribute and [index] parts, and the key it started from."""
        first, steps = _split_field_name(field_name)
        value = self.get_value(first, args, kwargs)
        for is_attribute, part in steps:
            value = getattr(value, part) if is_attribute else value[part]
        return value, first

    def get_value(self, key, args, kwargs):
        """args[key] for an int key, else kwargs[key]."""
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        """Hook to reject unused arguments; the default accepts them."""

    def format_field(self, value, format_spec):
        """format(value, format_spec)."""
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        """Apply a !s, !r or !a conversion (None: none)."""
        if conversion is None:
            return value
        convert = _CONVERSIONS.get(conversion)
        if convert is None:
            raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
        return convert(value)


_CONVERSIONS = {'s': str, 'r': repr, 'a': ascii}


def _number_field(name, auto_index):
    """Give an empty field name the next automatic number; return the name
    and the updated automatic counter."""
    if name == '':
        if auto_index is False:
            raise ValueError('cannot switch from manual field specification '
                             'to automatic field numbering')
        return str(auto_index), auto_index + 1
    if name.isdigit():
        # A count of 0 still allows manual numbering: nothing was automatic.
        if auto_index:
            raise ValueError('cannot switch from manual field specification '
                             'to automatic field numbering')
        return name, False
    return name, auto_index
