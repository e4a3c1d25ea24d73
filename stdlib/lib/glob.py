"""File names matching shell patterns, directory by directory.

A pattern is split at its separators; a component without wildcards is
checked with one lstat, a component with them lists its directory and keeps
what fnmatch accepts, and with recursive=True a component that is exactly
'**' stands for the directory itself and everything below it. Names that
begin with '.' match only a pattern component that begins with '.' too
(unless include_hidden is set). Results come in directory order, as the
operating system lists them.
"""

import fnmatch
import os

__all__ = ["glob", "iglob", "escape", "has_magic"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """The list of paths matching pathname."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """The paths matching pathname, one at a time."""
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    for found in _walk(pathname, root_dir, recursive, False, include_hidden):
        if found:          # a leading '**' also yields the start itself, as ''
            yield found


_MAGIC = frozenset("*?[")
_MAGIC_BYTES = frozenset(b"*?[")


def has_magic(s):
    magic = _MAGIC_BYTES if isinstance(s, bytes) else _MAGIC
    return any(c in magic for c in s)


def _is_recursive(component):
    return component in ("**", b"**")


def _on_disk(root_dir, path):
    """Where path is, given the root_dir results are relative to."""
    if root_dir is None or os.path.isabs(path):
        return path
    return os.path.join(root_dir, path) if path else root_dir


def _walk(pathname, root_dir, recursive, dirs_only, include_hidden):
    head, tail = os.path.split(pathname)
    if not has_magic(pathname):
        if tail:
            if os.path.lexists(_on_disk(root_dir, pathname)):
                yield pathname
        elif os.path.isdir(_on_disk(root_dir, head)):
            yield pathname
        return
    if recursive and _is_recursive(tail):
        match_here = _below
    elif has_magic(tail):
        match_here = _matching
    else:
        match_here = _existing
    if not head:
        yield from match_here(root_dir, head, tail, dirs_only, include_hidden)
        return
    if head != pathname and has_magic(head):
        parents = _walk(head, root_dir, recursive, True, include_hidden)
    else:
        parents = [head]
    for parent in parents:
        for name in match_here(root_dir, parent, tail, dirs_only, include_hidden):
            yield os.path.join(parent, name)


def _entries(path, dirs_only):
    """The names in directory path (all, or only the directories)."""
    if not path:
        path = os.curdir if isinstance(path, str) else bytes(os.curdir, "ascii")
    try:
        with os.scandir(path) as it:
            names = []
            for entry in it:
                try:
                    if not dirs_only or entry.is_dir():
                        names.append(entry.name)
                except OSError:
                    pass
            return names
    except OSError:
        return []


def _visible(name, pattern, include_hidden):
    dot = "." if isinstance(name, str) else b"."
    return include_hidden or not name.startswith(dot) or pattern.startswith(dot)


def _matching(root_dir, parent, pattern, dirs_only, include_hidden):
    names = [n for n in _entries(_on_disk(root_dir, parent), dirs_only)
             if _visible(n, pattern, include_hidden)]
    return fnmatch.filter(names, pattern)


def _existing(root_dir, parent, name, dirs_only, include_hidden):
    where = _on_disk(root_dir, parent)
    if name:
        return [name] if os.path.lexists(os.path.join(where, name)) else []
    return [name] if os.path.isdir(where) else []


def _below(root_dir, parent, pattern, dirs_only, include_hidden):
    """'**': the directory itself (as an empty name), then every path below."""
    where = _on_disk(root_dir, parent)
    if not parent or os.path.isdir(where):
        yield pattern[:0]
    yield from _tree(where, pattern[:0], dirs_only, include_hidden)


def _tree(where, prefix, dirs_only, include_hidden):
    for name in _entries(where, dirs_only):
        if not include_hidden and name.startswith("." if isinstance(name, str) else b"."):
            continue
        relative = os.path.join(prefix, name) if prefix else name
        yield relative
        inner = os.path.join(where, name) if where else name
        if os.path.isdir(inner):
            yield from _tree(inner, relative, dirs_only, include_hidden)


def escape(pathname):
    """pathname with its wildcard characters made literal ('[*]')."""
    if isinstance(pathname, bytes):
        return b"".join(b"[" + bytes([c]) + b"]" if c in _MAGIC_BYTES else bytes([c])
                        for c in pathname)
    return "".join("[" + c + "]" if c in _MAGIC else c for c in pathname)


def glob0(dirname, pattern):
    return _existing(None, dirname, pattern, False, False)


def glob1(dirname, pattern):
    return _matching(None, dirname, pattern, False, False)
