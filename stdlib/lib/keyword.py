"""The keywords of Python 3.11: kwlist and iskeyword() for the reserved
words, softkwlist and issoftkeyword() for the words that are keywords only
in some places (match statements)."""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

# Both lists are sorted by code point, so the capitalised constants come
# first, as in CPython's generated file.
kwlist = sorted("""
    False None True
    and as assert async await break class continue def del elif else except
    finally for from global if import in is lambda nonlocal not or pass raise
    return try while with yield
""".split())

softkwlist = sorted("match case _".split())

# Bound __contains__ of a frozenset: a C-level test, as fast as a lookup
# can be, and it raises TypeError for unhashable arguments as CPython's does.
_reserved = frozenset(kwlist)
_soft = frozenset(softkwlist)
iskeyword = _reserved.__contains__
issoftkeyword = _soft.__contains__
