"""Regular expressions, as CPython's re module offers them.

The matching engine is native (the _regex module: a parser that reports
CPython's errors, and a backtracking VM); this file gives it CPython's
surface: the functions, Pattern and Match objects, replacement templates,
the flags and a cache of compiled patterns.
"""

import _regex
from types import GenericAlias as _GenericAlias

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M",
    "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

_MAXSIZE = 9223372036854775807


# --- flags ---

# RegexFlag's repr names flags in the order CPython defines the members;
# Pattern's repr in the order of their values.
_FLAG_NAMES = (
    (256, "ASCII"), (2, "IGNORECASE"), (4, "LOCALE"), (32, "UNICODE"), (8, "MULTILINE"),
    (16, "DOTALL"), (64, "VERBOSE"), (1, "TEMPLATE"), (128, "DEBUG"),
)
_FLAG_NAMES_BY_VALUE = tuple(sorted(_FLAG_NAMES))


def _flag_text(value, names):
    parts = []
    for bit, name in names:
        if value & bit:
            parts.append("re." + name)
            value &= ~bit
    if value:
        parts.append(hex(value))
    return "|".join(parts) if parts else "re.NOFLAG"


class RegexFlag(int):
    """An int whose repr names the flags it holds (re.IGNORECASE|re.DOTALL)."""

    def __repr__(self):
        return _flag_text(int(self), _FLAG_NAMES)

    __str__ = __repr__

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)


# --- errors ---

class error(Exception):
    """A pattern or template that is not a valid regular expression.

    msg is the bare message; pattern and pos say where, and lineno and
    colno give pos as a line and column when pos is known.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        text = msg
        if pattern is not None and pos is not None:
            text = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            line_start = pattern.rfind(newline, 0, pos) + 1
            self.colno = pos - line_start + 1
            if newline in pattern:
                text += " (line %d, column %d)" % (self.lineno, self.colno)
        Exception.__init__(self, text)


PatternError = error


# --- Match ---

# Native (re.Match objects are made by the engine); expand() calls _expand below.
Match = _regex.Match


# --- Pattern ---

class Pattern:
    """A compiled regular expression."""

    __slots__ = ("_program", "pattern", "flags", "groups", "groupindex", "_names",
                 "_template_cache")

    def __init__(self, pattern, flags):
        program = _regex.compile(pattern, flags)
        if type(program) is tuple:
            message, pos = program
            raise error(message, None if pos is None else pattern, pos)
        final_flags, groups, names = _regex.info(program)
        self._program = program
        self.pattern = pattern
        self.flags = final_flags
        self.groups = groups
        self._names = names
        self.groupindex = dict(names)
        self._template_cache = {}

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return _regex.match_object(self._program, self, string, pos, endpos, 0, False)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return _regex.match_object(self._program, self, string, pos, endpos, 1, False)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return _regex.match_object(self._program, self, string, pos, endpos, 2, False)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return _regex.findall(self._program, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return _regex.scanner(self._program, self, string, pos, endpos)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _regex.scanner(self._program, self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        return _regex.split(self._program, string, maxsplit)

    def subn(self, repl, string, count=0):
        return _substitute(self, repl, string, count)

    def sub(self, repl, string, count=0):
        return _substitute(self, repl, string, count)[0]

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~32
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if flags:
            return "re.compile(%s, %s)" % (text, _flag_text(flags, _FLAG_NAMES_BY_VALUE))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and type(self.pattern) is type(other.pattern)
                and self.pattern == other.pattern)

    def __ne__(self, other):
        equal = self.__eq__(other)
        if equal is NotImplemented:
            return equal
        return not equal

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    __class_getitem__ = classmethod(_GenericAlias)


# --- replacement templates ---

_TEMPLATE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                     "v": "\v", "\\": "\\"}
_OCTAL = "01234567"
_DIGITS = "0123456789"


def _template_name(text, start, pattern):
    """Parses the name of \\g<name> from text[start] (just after '<')."""
    close = text.find(">", start)
    if close < 0:
        if start >= len(text):
            raise error("missing group name", pattern, start)
        raise error("missing >, unterminated name", pattern, start)
    name = text[start:close]
    if not name:
        raise error("missing group name", pattern, start)
    return name, close + 1


def _parse_template(pattern, template):
    """Splits a replacement template into literal text and group numbers."""
    is_bytes = not isinstance(template, str)
    text = str(template, "latin-1") if is_bytes else template
    parts = []
    literal = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch != "\\":
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", template, n - 1)
        start = i
        ch = text[i + 1]
        i += 2
        group = None
        if ch == "g":
            if i >= n or text[i] != "<":
                raise error("missing <", template, i)
            name, after = _template_name(text, i + 1, template)
            if name.isdigit() and name.isascii():
                group = int(name)
                if group > pattern.groups:
                    raise error("invalid group reference %d" % group, template, i + 1)
            elif name.isidentifier():
                group = pattern.groupindex.get(name)
                if group is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                raise error("bad character in group name %r" % name, template, i + 1)
            i = after
        elif ch == "0":
            digits = ch
            while i < n and len(digits) < 3 and text[i] in _OCTAL:
                digits += text[i]
                i += 1
            literal.append(chr(int(digits, 8)))
        elif ch in _DIGITS:
            digits = ch
            if i < n and text[i] in _DIGITS:
                digits += text[i]
                i += 1
                if (digits[0] in _OCTAL and digits[1] in _OCTAL and i < n
                        and text[i] in _OCTAL):
                    digits += text[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        raise error("octal escape value \\%s outside of range 0-0o377"
                                    % digits, template, start)
                    literal.append(chr(value))
                    continue
            group = int(digits)
            if group > pattern.groups:
                raise error("invalid group reference %d" % group, template, start + 1)
        elif ch in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[ch])
        elif ch.isascii() and ch.isalpha():
            raise error("bad escape \\" + ch, template, start)
        else:
            literal.append("\\" + ch)
        if group is not None:
            if literal:
                parts.append(_as_subject_type("".join(literal), is_bytes))
                literal = []
            parts.append(group)
    if literal:
        parts.append(_as_subject_type("".join(literal), is_bytes))
    return parts


def _as_subject_type(text, is_bytes):
    return text.encode("latin-1") if is_bytes else text


def _compiled_template(pattern, template):
    cache = pattern._template_cache
    parts = cache.get(template)
    if parts is None:
        parts = _parse_template(pattern, template)
        if len(cache) >= 100:
            cache.clear()
        cache[template] = parts
    return parts


def _expand(pattern, template, match):
    parts = _compiled_template(pattern, template)
    pieces = []
    for part in parts:
        if type(part) is int:
            text = match.group(part)
            if text is not None:
                pieces.append(text)
        else:
            pieces.append(part)
    return ("" if isinstance(template, str) else b"").join(pieces)


def _substitute(pattern, repl, string, count):
    if callable(repl):
        return _regex.subn_call(pattern._program, pattern, string, repl, count)
    if not isinstance(repl, (str, bytes)):
        raise TypeError("decoding to str: need a bytes-like object, %s found"
                        % type(repl).__name__)
    backslash = "\\" if isinstance(repl, str) else b"\\"
    if backslash in repl:
        parts = tuple(_compiled_template(pattern, repl))
    else:
        parts = (repl,)
    return _regex.subn(pattern._program, string, parts, count)


# --- module functions ---

_cache = {}
_CACHE_LIMIT = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    compiled = Pattern(pattern, flags)
    if len(_cache) >= _CACHE_LIMIT:
        del _cache[next(iter(_cache))]
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    """Compiles a pattern into a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clears the cache of compiled patterns."""
    _cache.clear()


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    """Backslash-escapes the characters that are special in a pattern."""
    if isinstance(pattern, str):
        return "".join("\\" + ch if ch in _SPECIAL else ch for ch in pattern)
    text = str(pattern, "latin-1")
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text).encode("latin-1")


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)
