"""Path name manipulation for POSIX systems; `os.path` is this module.

Every function takes str, bytes or an os.PathLike and answers in the same
type. The pure string functions (join, split, normpath, ...) never touch
the file system; the query functions (exists, isdir, getsize, ...) ask
stat() and turn "no such file" into False where CPython does.
"""

import posix as _posix
import stat as _stat

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir",
           "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

sep = '/'
altsep = None
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
devnull = '/dev/null'
defpath = '/bin:/usr/bin'
supports_unicode_filenames = False

# Bound once: these run inside loops, and a module attribute lookup per
# call shows in their timings.
_fspath = _posix.fspath
_do_stat = _posix.stat
_do_lstat = _posix.lstat


class _Words:
    """The separator and the special names spelled in one string type, so
    one body of code serves str and bytes paths."""

    def __init__(self, sep, dot, dotdot, tilde, dollar):
        self.sep = sep
        self.dot = dot
        self.dotdot = dotdot
        self.tilde = tilde
        self.dollar = dollar
        self.empty = sep[:0]


_STR_WORDS = _Words('/', '.', '..', '~', '$')
_BYTES_WORDS = _Words(b'/', b'.', b'..', b'~', b'$')


def _words(path):
    return _BYTES_WORDS if isinstance(path, bytes) else _STR_WORDS


def _mixed_types_error(funcname, args):
    """The TypeError CPython raises when path arguments disagree: a
    non-path argument is named, otherwise str and bytes were mixed."""
    kinds = set()
    for arg in args:
        if not isinstance(arg, (str, bytes)):
            return TypeError("%s() argument must be str, bytes, or "
                             "os.PathLike object, not %r"
                             % (funcname, type(arg).__name__))
        kinds.add(type(arg) is bytes)
    if len(kinds) > 1:
        return TypeError("Can't mix strings and bytes in path components")
    return None


# ---- pure string operations ------------------------------------------------

def normcase(s):
    """Normalize the case of a path name: POSIX file names are case
    sensitive, so this only converts a PathLike to str or bytes."""
    return _fspath(s)


def splitdrive(p):
    """Split a path into (drive, rest); POSIX has no drives, so the drive
    is always empty."""
    p = _fspath(p)
    return p[:0], p


def isabs(s):
    """True if the path starts at the root."""
    s = _fspath(s)
    if isinstance(s, bytes):
        return s.startswith(b'/')
    return s.startswith('/')


def join(a, *p):
    """Join path components with '/'. A component that is absolute discards
    everything before it; an empty last component leaves a trailing '/'."""
    result = _fspath(a)
    slash = b'/' if isinstance(result, bytes) else '/'
    try:
        for part in p:
            part = _fspath(part)
            if part.startswith(slash):
                result = part
            elif not result or result.endswith(slash):
                result = result + part
            else:
                result = result + slash + part
    except TypeError:
        error = _mixed_types_error('join', [_try_fspath(x) for x in (a,) + p])
        if error is not None:
            raise error from None
        raise
    return result


def _try_fspath(obj):
    try:
        return _fspath(obj)
    except TypeError:
        return obj


def split(p):
    """Split a path into (head, tail): tail is what follows the last '/',
    head the rest without its trailing slashes (unless it is all slashes)."""
    p = _fspath(p)
    cut = p.rfind(b'/' if isinstance(p, bytes) else '/') + 1
    return _strip_head(p[:cut]), p[cut:]


def _strip_head(head):
    stripped = head.rstrip(b'/' if isinstance(head, bytes) else '/')
    return stripped or head


def basename(p):
    """The last component of a path (empty if the path ends with '/')."""
    p = _fspath(p)
    return p[p.rfind(b'/' if isinstance(p, bytes) else '/') + 1:]


def dirname(p):
    """Everything before the last component, as split() gives it."""
    p = _fspath(p)
    cut = p.rfind(b'/' if isinstance(p, bytes) else '/') + 1
    return _strip_head(p[:cut])


def splitext(p):
    """Split a path into (root, ext) where ext is the last '.suffix' of the
    last component. Leading dots of a name do not start an extension, so
    '.bashrc' has none."""
    p = _fspath(p)
    if isinstance(p, bytes):
        dot, name_start = b'.', p.rfind(b'/') + 1
    else:
        dot, name_start = '.', p.rfind('/') + 1
    last_dot = p.rfind(dot)
    if last_dot > name_start and p[name_start:last_dot].lstrip(dot):
        return p[:last_dot], p[last_dot:]
    return p, p[:0]


def normpath(path):
    """Collapse redundant separators and '.' and '..' components without
    looking at the file system (so 'a/link/..' may change meaning)."""
    path = _fspath(path)
    w = _words(path)
    if not path:
        return w.dot
    kept = []
    for part in path.split(w.sep):
        if not part or part == w.dot:
            continue
        if part != w.dotdot or (kept and kept[-1] == w.dotdot):
            kept.append(part)
        elif kept:
            kept.pop()
        elif not path.startswith(w.sep):
            kept.append(part)
    return (_root_of(path, w) + w.sep.join(kept)) or w.dot


def _root_of(path, w):
    """The leading slashes normpath keeps: POSIX lets an implementation give
    exactly two leading slashes a meaning of its own, so those stay; any
    other number becomes one."""
    if not path.startswith(w.sep):
        return w.empty
    if path.startswith(w.sep * 2) and not path.startswith(w.sep * 3):
        return w.sep * 2
    return w.sep


def commonprefix(m):
    """The longest leading string (character by character, not component
    by component) shared by every item of the list."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    lowest, highest = min(m), max(m)
    # Every item sorts between these two, so what they share all share.
    for index, (x, y) in enumerate(zip(lowest, highest)):
        if x != y:
            return lowest[:index]
    return lowest


def commonpath(paths):
    """The longest sub-path shared by every path of the sequence, compared
    component by component. Absolute and relative paths cannot mix."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    w = _words(paths[0])
    error = _mixed_types_error('commonpath', paths)
    if error is not None:
        raise error
    rooted = {p.startswith(w.sep) for p in paths}
    if len(rooted) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    lists = [[c for c in p.split(w.sep) if c and c != w.dot] for p in paths]
    shared = commonprefix(lists)
    prefix = w.sep if rooted.pop() else w.empty
    return prefix + w.sep.join(shared)


def relpath(path, start=None):
    """path expressed relative to start (the current directory by default).
    Purely lexical: symbolic links are not resolved."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    w = _words(path)
    start = w.dot if start is None else _fspath(start)
    error = _mixed_types_error('relpath', (path, start))
    if error is not None:
        raise error
    start_parts = [c for c in abspath(start).split(w.sep) if c]
    path_parts = [c for c in abspath(path).split(w.sep) if c]
    shared = len(commonprefix([start_parts, path_parts]))
    ups = [w.dotdot] * (len(start_parts) - shared)
    rest = ups + path_parts[shared:]
    return join(*rest) if rest else w.dot


def abspath(path):
    """The absolute, normalized form of path (against the current
    directory; symbolic links are not resolved)."""
    path = _fspath(path)
    if not isabs(path):
        cwd = _posix.getcwd()
        if isinstance(path, bytes):
            cwd = cwd.encode()
        path = join(cwd, path)
    return normpath(path)


# ---- environment expansion ---------------------------------------------------

def _environ():
    # os.environ, not posix.environ: the latter is a snapshot taken at
    # start-up and does not see assignments made through os.environ.
    from os import environ
    return environ


def _passwd_home(user=None, uid=None):
    """The home directory /etc/passwd gives for a user name or uid, or None.
    (CPython asks the pwd module; reading the file gives the same answer
    for local accounts.)"""
    try:
        with open('/etc/passwd', encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split(':')
        if len(fields) < 7:
            continue
        if fields[0] == user or (uid is not None and fields[2] == str(uid)):
            return fields[5]
    return None


def expanduser(path):
    """Replace a leading '~' by $HOME (or the password database entry) and
    a leading '~user' by that user's home directory. The path comes back
    unchanged when the user is unknown."""
    path = _fspath(path)
    w = _words(path)
    if not path.startswith(w.tilde):
        return path
    end = path.find(w.sep, 1)
    if end < 0:
        end = len(path)
    if end == 1:
        home = _environ().get('HOME')
        if home is None:
            home = _passwd_home(uid=_posix.getuid())
    else:
        name = path[1:end]
        if isinstance(name, bytes):
            name = name.decode('utf-8', 'replace')
        home = _passwd_home(user=name)
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode()
    return (home.rstrip(w.sep) + path[end:]) or w.sep


def _var_name_end(path, start):
    """Where the ASCII word characters that start at `start` end."""
    end = start
    while end < len(path):
        ch = path[end:end + 1]
        if not (ch.isalnum() and ch.isascii()) and ch not in ('_', b'_'):
            break
        end += 1
    return end


def _var_at(path, dollar, w):
    """(name, end) for a '$name' or '${name}' reference at index `dollar`,
    or (None, dollar + 1) when the text there is not a reference."""
    after = dollar + 1
    if path[after:after + 1] == (b'{' if w is _BYTES_WORDS else '{'):
        close = path.find(b'}' if w is _BYTES_WORDS else '}', after + 1)
        if close < 0:
            return None, after
        return path[after + 1:close], close + 1
    end = _var_name_end(path, after)
    if end == after:
        return None, after
    return path[after:end], end


def _lookup_var(name, environ):
    if isinstance(name, bytes):
        try:
            value = environ.get(name.decode())
        except UnicodeDecodeError:
            return None
        return None if value is None else value.encode()
    return environ.get(name)


def expandvars(path):
    """Replace '$name' and '${name}' with environment variables. Names are
    ASCII letters, digits and '_' (anything but '}' inside braces); unknown
    variables and malformed references are left as they are."""
    path = _fspath(path)
    w = _words(path)
    if w.dollar not in path:
        return path
    environ = _environ()
    pieces = []
    done = 0
    dollar = path.find(w.dollar)
    while dollar >= 0:
        name, end = _var_at(path, dollar, w)
        value = None if name is None else _lookup_var(name, environ)
        if value is not None:
            pieces.append(path[done:dollar])
            pieces.append(value)
            done = end
        dollar = path.find(w.dollar, end)
    pieces.append(path[done:])
    return w.empty.join(pieces)


# ---- queries that look at the file system -------------------------------------

def exists(path):
    """True if path names an existing file; False for a broken symbolic
    link, a missing file or a path stat() cannot take."""
    try:
        _do_stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    """Like exists(), but True for a broken symbolic link."""
    try:
        _do_lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode_or_none(path, stat_fn):
    try:
        return stat_fn(path).st_mode
    except (OSError, ValueError):
        return None


def isfile(path):
    """True if path is (or links to) an existing regular file."""
    mode = _mode_or_none(path, _do_stat)
    return mode is not None and _stat.S_ISREG(mode)


def isdir(s):
    """True if s is (or links to) an existing directory."""
    mode = _mode_or_none(s, _do_stat)
    return mode is not None and _stat.S_ISDIR(mode)


def islink(path):
    """True if path is a symbolic link (whether or not its target exists)."""
    mode = _mode_or_none(path, _do_lstat)
    return mode is not None and _stat.S_ISLNK(mode)


def ismount(path):
    """True if path is a mount point: its parent lives on another device,
    or is the same directory (the root)."""
    try:
        here = _do_lstat(path)
    except (OSError, ValueError):
        return False
    if _stat.S_ISLNK(here.st_mode):
        return False
    path = _fspath(path)
    parent = realpath(join(path, _words(path).dotdot))
    try:
        above = _do_lstat(parent)
    except (OSError, ValueError):
        return False
    return here.st_dev != above.st_dev or here.st_ino == above.st_ino


def getsize(filename):
    """The size in bytes of a file, as os.stat() reports it."""
    return _do_stat(filename).st_size


def getmtime(filename):
    """The last modification time of a file (seconds since the epoch)."""
    return _do_stat(filename).st_mtime


def getatime(filename):
    """The last access time of a file (seconds since the epoch)."""
    return _do_stat(filename).st_atime


def getctime(filename):
    """The last metadata change time of a file (seconds since the epoch)."""
    return _do_stat(filename).st_ctime


def samestat(s1, s2):
    """True if two stat results describe the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """True if two paths name the same file (after following links)."""
    return samestat(_do_stat(f1), _do_stat(f2))


def sameopenfile(fp1, fp2):
    """True if two open file descriptors refer to the same file."""
    return samestat(_posix.fstat(fp1), _posix.fstat(fp2))


# ---- realpath ------------------------------------------------------------------
#
# realpath walks the path one component at a time, keeping the part resolved
# so far. When a component is a symbolic link, the components of its target
# are pushed in front of the ones still to do, after a marker that records,
# once the target is used up, what the link resolved to. A link met again
# while its marker is still pending is a loop: strict mode reports it (stat
# fails with ELOOP), otherwise the loop and everything after it are kept
# unresolved, as CPython does.

class _LinkDone:
    def __init__(self, link):
        self.link = link


def realpath(filename, *, strict=False):
    """The canonical path of filename: absolute, normalized, and with every
    symbolic link resolved. With strict=True a missing component or a link
    loop raises OSError; otherwise the unresolved rest is kept as it is."""
    filename = _fspath(filename)
    w = _words(filename)
    todo = list(reversed(filename.split(w.sep)))
    resolved = w.sep if filename.startswith(w.sep) else w.empty
    return abspath(_resolve(resolved, todo, w, strict))


def _resolve(resolved, todo, w, strict):
    """Consume the components of `todo` (a stack, next one last) onto
    `resolved`, following links; returns the resolved path."""
    links = {}
    while todo:
        part = todo.pop()
        if isinstance(part, _LinkDone):
            links[part.link] = resolved
        elif part == w.dotdot:
            resolved = _parent(resolved, w)
        elif part and part != w.dot:
            candidate = join(resolved, part)
            if not _is_link(candidate, strict):
                resolved = candidate
            elif candidate in links and links[candidate] is not None:
                resolved = links[candidate]
            elif candidate in links:
                return _loop_found(candidate, todo, strict)
            else:
                resolved = _enter_link(candidate, resolved, todo, links, w)
    return resolved


def _parent(resolved, w):
    # Lexically go up; above the start of a relative path '..'s pile up.
    head, tail = split(resolved)
    if not resolved or tail == w.dotdot:
        return join(resolved, w.dotdot)
    return head


def _is_link(path, strict):
    try:
        mode = _do_lstat(path).st_mode
    except OSError:
        if strict:
            raise
        return False
    return _stat.S_ISLNK(mode)


def _enter_link(link, resolved, todo, links, w):
    """Push the target of `link` for resolution; returns where it starts."""
    links[link] = None
    target = _posix.readlink(link)
    todo.append(_LinkDone(link))
    todo.extend(reversed(target.split(w.sep)))
    return w.sep if target.startswith(w.sep) else resolved


def _loop_found(link, todo, strict):
    if strict:
        _do_stat(link)
    rest = [part for part in reversed(todo) if not isinstance(part, _LinkDone)]
    return join(link, *rest)
