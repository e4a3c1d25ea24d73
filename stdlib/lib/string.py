"""A collection of string constants, capwords(), and Template (CPython's
Lib/string.py without Formatter's field parsing internals)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split the argument into words using split, capitalize each word using
    capitalize, and join the capitalized words using join."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_ident_char(c):
    return _is_ident_start(c) or ('0' <= c <= '9')


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        # Walks the template as CPython's pattern would match it:
        # $$ (escaped), $identifier, ${identifier}, or an invalid $.
        template = self.template
        delim = self.delimiter
        out = []
        i = 0
        n = len(template)
        while i < n:
            j = template.find(delim, i)
            if j < 0:
                out.append(template[i:])
                break
            out.append(template[i:j])
            k = j + len(delim)
            if template.startswith(delim, k):
                out.append(delim)
                i = k + len(delim)
                continue
            if k < n and template[k] == '{':
                end = k + 1
                while end < n and _is_ident_char(template[end]):
                    end += 1
                name = template[k + 1:end]
                if name and _is_ident_start(name[0]) and end < n and template[end] == '}':
                    out.append(self._lookup(mapping, name, template[j:end + 1], safe))
                    i = end + 1
                    continue
            elif k < n and _is_ident_start(template[k]):
                end = k
                while end < n and _is_ident_char(template[end]):
                    end += 1
                name = template[k:end]
                out.append(self._lookup(mapping, name, template[j:end], safe))
                i = end
                continue
            if safe:
                out.append(delim)
                i = k
                continue
            lines = template[:k].splitlines(keepends=True)
            if not lines:
                colno = 1
                lineno = 1
            else:
                colno = k - len(''.join(lines[:-1]))
                lineno = len(lines)
            raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))
        return ''.join(out)

    def _lookup(self, mapping, name, original, safe):
        if safe:
            try:
                return str(mapping[name])
            except KeyError:
                return original
        return str(mapping[name])

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._scan(mapping, True)

    def get_identifiers(self):
        ids = []
        class _Recorder:
            def __getitem__(self, key):
                if key not in ids:
                    ids.append(key)
                return ''
        self._scan(_Recorder(), True)
        return ids

    def is_valid(self):
        try:
            self._scan(_AnyMapping(), False)
        except ValueError:
            return False
        return True


class _AnyMapping:
    def __getitem__(self, key):
        return ''


class _ChainMap:
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


class Formatter:
    """str.format() as an overridable class (format, vformat, get_value,
    check_unused_args, format_field, convert_field)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
