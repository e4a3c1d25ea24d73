"""Shell-style wildcard matching of file names.

    *       any run of characters (also '/': this is not glob)
    ?       any one character
    [seq]   one character of seq; ranges like a-z; [!seq] any other character
    [       with no closing ] it is an ordinary character

gilt has no re module yet, so patterns are matched by a small matcher of
their own instead of being translated to regular expressions: a pattern is
compiled once into a list of tokens, and a match walks name and tokens with
one backtracking point (the most recent '*'), which is linear for the usual
patterns and at worst len(name) * len(pattern). translate() still gives the
regular expression text CPython builds, for callers that want it.
"""

import functools
import os
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_STAR = "*"
_ANY = "?"


def _parse_set(pat, i):
    """The [...] set starting after the '[' at pat[i - 1]: (end index after
    the ']', negated, ranges) or None when it never closes."""
    n = len(pat)
    j = i
    negated = False
    if j < n and pat[j] == "!":
        negated = True
        j += 1
    start = j
    if j < n and pat[j] == "]":
        j += 1
    while j < n and pat[j] != "]":
        j += 1
    if j >= n:
        return None
    body = pat[start:j]
    ranges = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            low, high = body[k], body[k + 2]
            if low <= high:      # a reversed range matches nothing
                ranges.append((low, high))
            k += 3
        else:
            ranges.append((body[k], body[k]))
            k += 1
    return j + 1, negated, tuple(ranges)


@functools.lru_cache(maxsize=32768, typed=True)
def _compile(pat):
    """The pattern as tokens: a character, _STAR, _ANY or (negated, ranges)."""
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif c == "?":
            tokens.append(_ANY)
        elif c == "[":
            parsed = _parse_set(pat, i)
            if parsed is None:
                tokens.append("[")
            else:
                i, negated, ranges = parsed
                tokens.append((negated, ranges))
        else:
            tokens.append(c)
    return tuple(tokens)


def _one(token, ch):
    if token is _ANY:
        return True
    if isinstance(token, tuple):
        negated, ranges = token
        inside = any(low <= ch <= high for low, high in ranges)
        return inside != negated
    return token == ch


def _match(tokens, name):
    t = s = 0
    star_t = star_s = -1
    while s < len(name):
        if t < len(tokens) and tokens[t] is _STAR:
            star_t, star_s = t, s
            t += 1
        elif t < len(tokens) and _one(tokens[t], name[s]):
            t += 1
            s += 1
        elif star_t >= 0:
            # Let the last '*' take one more character and try again.
            star_s += 1
            s = star_s
            t = star_t + 1
        else:
            return False
    while t < len(tokens) and tokens[t] is _STAR:
        t += 1
    return t == len(tokens)


def _as_text(s):
    return str(s, "latin-1") if isinstance(s, bytes) else s


def fnmatchcase(name, pat):
    """Does name match pat? Case always matters."""
    return _match(_compile(_as_text(pat)), _as_text(name))


def fnmatch(name, pat):
    """Does name match pat? Case matters when the operating system's file
    names are case sensitive (os.path.normcase)."""
    return fnmatchcase(os.path.normcase(name), os.path.normcase(pat))


def filter(names, pat):
    """The names that match pat, in their order."""
    tokens = _compile(_as_text(os.path.normcase(pat)))
    if os.path is posixpath:
        return [name for name in names if _match(tokens, _as_text(name))]
    return [name for name in names if _match(tokens, _as_text(os.path.normcase(name)))]


_RE_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def _re_escape(text):
    return "".join("\\" + c if c in _RE_SPECIAL else c for c in text)


def _set_to_re(negated, body):
    if not body:
        return "." if negated else "(?!)"
    out = []
    for c in body:
        out.append("\\" + c if c in "\\&~|" else c)
    text = "".join(out)
    if negated:
        return "[^" + text + "]"
    if text[0] in "^[":
        text = "\\" + text
    return "[" + text + "]"


def translate(pat):
    """The regular expression (as text) that matches what pat matches."""
    pieces = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
        elif c == "?":
            pieces.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                pieces.append("\\[")
            else:
                body = pat[i:j]
                negated = body.startswith("!")
                pieces.append(_set_to_re(negated, body[1:] if negated else body))
                i = j + 1
        else:
            pieces.append(_re_escape(c))
    # Between two stars a fixed part is matched lazily inside an atomic
    # group, as CPython does, so that patterns with many stars stay linear.
    out = []
    k = 0
    while k < len(pieces) and pieces[k] is not _STAR:
        out.append(pieces[k])
        k += 1
    while k < len(pieces):
        k += 1   # the star
        fixed = []
        while k < len(pieces) and pieces[k] is not _STAR:
            fixed.append(pieces[k])
            k += 1
        if k == len(pieces):
            out.append(".*" + "".join(fixed))
        else:
            out.append("(?>.*?" + "".join(fixed) + ")")
    return "(?s:%s)\\Z" % "".join(out)
