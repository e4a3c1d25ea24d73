"""Cache lines from Python source files (CPython's Lib/linecache.py for
files on disk)."""

__all__ = ["getline", "clearcache", "checkcache", "getlines"]

cache = {}


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache, '' if unavailable."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache."""
    if filename in cache:
        return cache[filename]
    return updatecache(filename, module_globals)


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def checkcache(filename=None):
    """Discard cache entries (all of them, or those of filename)."""
    if filename is None:
        cache.clear()
    else:
        cache.pop(filename, None)


def updatecache(filename, module_globals=None):
    """Read the file into the cache; [] if it cannot be read."""
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    try:
        with open(filename, encoding='utf-8') as fp:
            lines = fp.readlines()
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = lines
    return lines
