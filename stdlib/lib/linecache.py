"""Source lines of Python files, read once and kept in memory, for
tracebacks and warnings (CPython 3.11's linecache).

`cache` maps a file name to (size, mtime, lines, fullname), the layout
CPython uses, so code that registers its own source there (an mtime of None
means "never stale") works unchanged. A 1-tuple holding a function is a lazy
entry: the function returns the source text when it is first needed.
"""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def _has_no_file(filename):
    # '' and names like '<stdin>' or '<string>' are not files on disk.
    return not filename or (filename.startswith('<') and filename.endswith('>'))


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getlines(filename, module_globals=None):
    """All the lines of the file, read now unless they are cached."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        # A huge file must not take the traceback that reads it down too:
        # give back all the memory the cache holds.
        cache.clear()
        return []


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (counted from 1) of the file, with its newline;
    '' when the file or the line cannot be had."""
    lines = getlines(filename, module_globals)
    return lines[lineno - 1] if 1 <= lineno <= len(lines) else ''


def lazycache(filename, module_globals):
    """Note where the source of a module without a file can be fetched
    (its loader's get_source), without fetching it. True when the file now
    has a lazy entry."""
    if filename in cache:
        return len(cache[filename]) == 1
    if _has_no_file(filename) or not module_globals:
        return False
    name = module_globals.get('__name__')
    loader = module_globals.get('__loader__')
    if loader is None:
        spec = module_globals.get('__spec__')
        loader = getattr(spec, 'loader', None)
    get_source = getattr(loader, 'get_source', None)
    if not (name and get_source):
        return False
    cache[filename] = (lambda: get_source(name),)
    return True


def _from_loader(filename, module_globals):
    # The lines a lazy entry provides, or None when there are none.
    if not lazycache(filename, module_globals):
        return None
    try:
        text = cache[filename][0]()
    except (ImportError, OSError):
        return None
    if text is None:
        return []
    lines = [line + '\n' for line in text.splitlines()]
    cache[filename] = (len(text), None, lines, filename)
    return lines


def _search_path(filename):
    # (path, stat) of a relative name that is not found from the current
    # directory: it is looked up along sys.path, as imports find it.
    if os.path.isabs(filename):
        return None
    for folder in sys.path:
        try:
            path = os.path.join(folder, filename)
        except (TypeError, AttributeError):
            continue  # Not a folder name (bytes, an importer object).
        try:
            return path, os.stat(path)
        except OSError:
            pass
    return None


def updatecache(filename, module_globals=None):
    """Read the file afresh into the cache and return its lines ([] when it
    cannot be read)."""
    if filename in cache and len(cache[filename]) != 1:
        del cache[filename]
    if _has_no_file(filename):
        return []
    try:
        found = filename, os.stat(filename)
    except OSError:
        lines = _from_loader(filename, module_globals)
        if lines is not None:
            return lines
        found = _search_path(filename)
    if found is None:
        return []
    path, info = found
    try:
        lines = _read_lines(path)
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return []
    cache[filename] = (info.st_size, info.st_mtime, lines, path)
    return lines


def checkcache(filename=None):
    """Drop the entries (all, or `filename`'s) whose file has changed on
    disk since it was read, or has gone."""
    if filename is None:
        names = list(cache)
    elif filename in cache:
        names = [filename]
    else:
        return
    for name in names:
        entry = cache[name]
        if len(entry) == 1:
            continue  # Lazy: nothing has been read yet.
        size, mtime, _, fullname = entry
        if mtime is None:
            continue  # Registered by hand, not read from disk.
        try:
            now = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if (now.st_size, now.st_mtime) != (size, mtime):
            cache.pop(name, None)


# --- reading a source file as the tokenizer does (PEP 263) ---------------

_UTF8_BOM = b'\xef\xbb\xbf'


def _cookie(line):
    # The name in a '# -*- coding: NAME -*-' comment, or None.
    text = line.decode('utf-8')
    stripped = text.lstrip(' \t\f')
    if not stripped.startswith('#'):
        return None
    at = stripped.find('coding')
    while at >= 0:
        rest = stripped[at + 6:]
        if rest[:1] in (':', '='):
            rest = rest[1:].lstrip(' \t')
            end = 0
            while end < len(rest) and (rest[end].isalnum() or rest[end] in '-_.'):
                end += 1
            if end:
                return rest[:end]
        at = stripped.find('coding', at + 1)
    return None


def _canonical(encoding):
    # The tokenizer's spellings: utf-8 and latin-1 under their common names.
    name = encoding.lower().replace('_', '-')
    if name == 'utf-8' or name.startswith('utf-8-'):
        return 'utf-8'
    if name in ('latin-1', 'iso-8859-1', 'iso-latin-1') or \
            name.startswith(('latin-1-', 'iso-8859-1-', 'iso-latin-1-')):
        return 'iso-8859-1'
    return encoding


def _is_blank_or_comment(line):
    stripped = line.strip(b' \t\f\r\n')
    return not stripped or stripped.startswith(b'#')


def _encoding_of(data):
    # A cookie counts on line 1, or on line 2 when line 1 holds no code.
    has_bom = data.startswith(_UTF8_BOM)
    head = data[3:] if has_bom else data
    first, _, after = head.partition(b'\n')
    found = _cookie(first)
    if found is None and _is_blank_or_comment(first):
        found = _cookie(after.partition(b'\n')[0])
    if found is None:
        return 'utf-8'
    encoding = _canonical(found)
    b''.decode(encoding)  # LookupError for an unknown codec.
    if has_bom and encoding != 'utf-8':
        raise SyntaxError(f'encoding problem: {found} with BOM')
    return encoding


def _read_lines(path):
    # Universal newlines, as text files are read: '\r\n' and '\r' end lines
    # like '\n', and the last line gets a newline it may lack.
    with open(path, 'rb') as source:
        data = source.read()
    text = data.decode(_encoding_of(data))
    if text.startswith('\ufeff'):
        text = text[1:]
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    lines = [line + '\n' for line in text.split('\n')]
    if lines[-1] == '\n':
        lines.pop()  # The text ended with a newline: no line after it.
    return lines
