"""Object-oriented filesystem paths.

A pure path (PurePosixPath, PureWindowsPath) is only a value: an anchor
(drive and root) and a tuple of names, compared, hashed, joined and
taken apart without touching the filesystem.  A concrete path (Path, here
always a PosixPath) adds the calls that do: stat, open, iterdir, glob,
mkdir and the rest, all made through the os module.

Normalisation follows CPython: repeated separators and '.' names are
dropped, '..' is kept (it cannot be resolved without the filesystem), and
a path that starts with exactly two slashes keeps them as its root.
"""

import fnmatch
import os
import posixpath
import stat as _stat
import sys

__all__ = ['PurePath', 'PurePosixPath', 'PureWindowsPath', 'Path', 'PosixPath', 'WindowsPath']

# errno values for which exists()/is_dir()/... answer False instead of raising:
# ENOENT, ENOTDIR, EBADF, ELOOP.
_MISSING_ERRNOS = (2, 20, 9, 40)


def _fspath_str(arg):
    if isinstance(arg, str):
        return arg
    path = os.fspath(arg)
    if not isinstance(path, str):
        raise TypeError('argument should be a str object or an os.PathLike object '
                        f'returning str, not {type(path)!r}')
    return path


# --- the two syntaxes ---------------------------------------------------------------

class _PosixSyntax:
    sep = '/'
    case_sensitive = True

    @staticmethod
    def split_anchor(text):
        # ('', root, rest): '//' is a root of its own, three or more mean '/'.
        if text[:1] != '/':
            return '', '', text
        stripped = text.lstrip('/')
        root = '//' if len(text) - len(stripped) == 2 else '/'
        return '', root, stripped

    @staticmethod
    def names(rest):
        return [n for n in rest.split('/') if n and n != '.']

    @staticmethod
    def fold(text):
        return text


class _WindowsSyntax:
    sep = '\\'
    case_sensitive = False

    @staticmethod
    def split_anchor(text):
        text = text.replace('/', '\\')
        drive = ''
        if text[:2] == '\\\\' and text[2:3] != '\\':
            # \\server\share is a UNC drive.
            pieces = text[2:].split('\\', 2)
            if len(pieces) >= 2 and pieces[0] and pieces[1]:
                drive = '\\\\' + pieces[0] + '\\' + pieces[1]
                text = text[len(drive):]
        elif text[1:2] == ':' and text[:1].isalpha():
            drive, text = text[:2], text[2:]
        stripped = text.lstrip('\\')
        root = '\\' if stripped != text or (drive[:2] == '\\\\' and drive) else ''
        return drive, root, stripped

    @staticmethod
    def names(rest):
        return [n for n in rest.split('\\') if n and n != '.']

    @staticmethod
    def fold(text):
        return text.lower()


# --- pure paths -----------------------------------------------------------------------

class PurePath:
    """A filesystem path that does no I/O. PurePath(...) makes the pure
    path of this system (a PurePosixPath)."""

    __slots__ = ('_drv', '_root', '_tail', '_text', '_key', '_hash')
    _syntax = _PosixSyntax

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_args(args)

    @classmethod
    def _from_args(cls, args):
        drv, root, tail = '', '', []
        syntax = cls._syntax
        for arg in args:
            if isinstance(arg, PurePath) and arg._syntax is syntax:
                d, r, names = arg._drv, arg._root, list(arg._tail)
            else:
                d, r, rest = syntax.split_anchor(_fspath_str(arg))
                names = syntax.names(rest)
            if r:
                drv = d or drv
                root, tail = r, names
            elif d and d != drv:
                drv, root, tail = d, '', names
            else:
                tail.extend(names)
        return cls._make(drv, root, tuple(tail))

    @classmethod
    def _make(cls, drv, root, tail):
        self = object.__new__(cls)
        self._drv, self._root, self._tail = drv, root, tail
        self._text = self._key = self._hash = None
        return self

    def _derive(self, drv, root, tail):
        return type(self)._make(drv, root, tuple(tail))

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    # --- text forms ---

    def __str__(self):
        if self._text is None:
            body = self._syntax.sep.join(self._tail)
            anchor = self._drv + self._root
            self._text = anchor + body if (anchor or body) else '.'
        return self._text

    def __fspath__(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return f'{type(self).__name__}({self.as_posix()!r})'

    def as_posix(self):
        """The path with forward slashes."""
        return str(self).replace(self._syntax.sep, '/')

    def as_uri(self):
        """The path as a 'file' URI; only an absolute path has one."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        if self._syntax is _WindowsSyntax:
            body = self.as_posix()
            if body[1:2] == ':':
                return 'file:///' + body[:2] + _percent_encode(body[2:])
            return 'file:' + _percent_encode(body)
        return 'file://' + _percent_encode(str(self))

    # --- comparison ---

    def _sort_key(self):
        if self._key is None:
            fold = self._syntax.fold
            self._key = [fold(self._drv + self._root)] + [fold(n) for n in self._tail]
        return self._key

    def __eq__(self, other):
        if not isinstance(other, PurePath) or other._syntax is not self._syntax:
            return NotImplemented
        return self._sort_key() == other._sort_key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(tuple(self._sort_key()))
        return self._hash

    def _ordered(self, other, test):
        if not isinstance(other, PurePath) or other._syntax is not self._syntax:
            return NotImplemented
        return test(self._sort_key(), other._sort_key())

    def __lt__(self, other):
        return self._ordered(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._ordered(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._ordered(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._ordered(other, lambda a, b: a >= b)

    # --- components ---

    @property
    def drive(self):
        return self._drv

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._drv + self._root

    @property
    def parts(self):
        anchor = self._drv + self._root
        return ((anchor,) if anchor else ()) + self._tail

    @property
    def name(self):
        return self._tail[-1] if self._tail else ''

    @property
    def suffix(self):
        name = self.name
        dot = name.rfind('.')
        return name[dot:] if 0 < dot < len(name) - 1 else ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        return ['.' + piece for piece in name.lstrip('.').split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        dot = name.rfind('.')
        return name[:dot] if 0 < dot < len(name) - 1 else name

    @property
    def parent(self):
        if not self._tail:
            return self
        return self._derive(self._drv, self._root, self._tail[:-1])

    @property
    def parents(self):
        return _Parents(self)

    # --- making new paths ---

    def joinpath(self, *others):
        return type(self)._from_args((self,) + others)

    def __truediv__(self, other):
        try:
            return type(self)._from_args((self, other))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, other):
        try:
            return type(self)._from_args((other, self))
        except TypeError:
            return NotImplemented

    def with_name(self, name):
        """The path with its last name replaced."""
        if not self.name:
            raise ValueError(f'{self!r} has an empty name')
        drv, root, rest = self._syntax.split_anchor(name)
        if (not name or drv or root or name[-1:] in ('/', self._syntax.sep)
                or self._syntax.names(rest) != [name]):
            raise ValueError(f'Invalid name {name!r}')
        return self._derive(self._drv, self._root, self._tail[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """The path with its suffix changed ('' removes it)."""
        if self._syntax.sep in suffix or '/' in suffix:
            raise ValueError(f'Invalid suffix {suffix!r}')
        if suffix and (not suffix.startswith('.') or suffix == '.'):
            raise ValueError(f'Invalid suffix {suffix!r}')
        name = self.name
        if not name:
            raise ValueError(f'{self!r} has an empty name')
        old = self.suffix
        base = name[:len(name) - len(old)] if old else name
        return self._derive(self._drv, self._root, self._tail[:-1] + (base + suffix,))

    def relative_to(self, *other):
        """This path relative to `other`, which must be one of its parents."""
        if not other:
            raise TypeError('need at least one argument')
        base = type(self)._from_args(other)
        fold = self._syntax.fold
        count = len(base._tail)
        inside = [fold(n) for n in self._tail[:count]] == [fold(n) for n in base._tail]
        if fold(self.anchor) != fold(base.anchor) or len(self._tail) < count or not inside:
            raise ValueError(f'{str(self)!r} is not in the subpath of {str(base)!r}'
                             ' OR one path is relative and the other is absolute.')
        return self._derive('', '', self._tail[count:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
        except ValueError:
            return False
        return True

    def is_absolute(self):
        if self._syntax is _WindowsSyntax:
            return bool(self._drv and self._root)
        return bool(self._root)

    def is_reserved(self):
        if self._syntax is not _WindowsSyntax or not self._tail:
            return False
        base = self._tail[-1].partition('.')[0].partition(':')[0].rstrip(' ').upper()
        return base in _WINDOWS_RESERVED

    def match(self, path_pattern):
        """Whether the path matches a glob-style pattern, from the right;
        an absolute pattern must match the whole path."""
        pattern = type(self)(path_pattern)
        if not pattern.parts:
            raise ValueError('empty pattern')
        fold = self._syntax.fold
        if pattern.anchor:
            if fold(pattern.anchor) != fold(self.anchor) or len(pattern._tail) != len(self._tail):
                return False
        elif len(pattern._tail) > len(self._tail):
            return False
        for name, pat in zip(reversed(self._tail), reversed(pattern._tail)):
            if not fnmatch.fnmatchcase(fold(name), fold(pat)):
                return False
        return True


_WINDOWS_RESERVED = ({'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'}
                     | {f'COM{c}' for c in '123456789\xb9\xb2\xb3'}
                     | {f'LPT{c}' for c in '123456789\xb9\xb2\xb3'})

# Bytes a file URI keeps as they are; everything else is %XX-escaped.
_URI_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/')


def _percent_encode(text):
    out = []
    for byte in os.fsencode(text):
        out.append(chr(byte) if byte in _URI_SAFE else f'%{byte:02X}')
    return ''.join(out)


class _Parents:
    """The ancestors of a path, nearest first: a read-only sequence."""

    __slots__ = ('_path',)

    def __init__(self, path):
        self._path = path

    def __len__(self):
        return len(self._path._tail)

    def __getitem__(self, index):
        path = self._path
        count = len(path._tail)
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(count)))
        if index >= count or index < -count:
            raise IndexError(index)
        if index < 0:
            index += count
        return path._derive(path._drv, path._root, path._tail[:count - index - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return f'<{type(self._path).__name__}.parents>'


class PurePosixPath(PurePath):
    """A pure path with POSIX syntax."""
    __slots__ = ()
    _syntax = _PosixSyntax


class PureWindowsPath(PurePath):
    """A pure path with Windows syntax: drives, backslashes, no case."""
    __slots__ = ()
    _syntax = _WindowsSyntax


# --- concrete paths -----------------------------------------------------------------

def _ignorable(error):
    return getattr(error, 'errno', None) in _MISSING_ERRNOS


class Path(PurePath):
    """A path of this system's filesystem. Path(...) makes a PosixPath."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        if cls is WindowsPath and os.name != 'nt':
            raise NotImplementedError(f'cannot instantiate {cls.__name__!r} on your system')
        return cls._from_args(args)

    # --- where ---

    @classmethod
    def cwd(cls):
        """The current working directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """The user's home directory (as os.path.expanduser('~'))."""
        return cls(os.path.expanduser('~'))

    def absolute(self):
        """The path made absolute by the working directory, not normalised."""
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        """The absolute path with symlinks and '..' resolved."""
        return type(self)(os.path.realpath(self, strict=strict))

    def expanduser(self):
        """The path with a leading ~ or ~user replaced by a home directory."""
        if not self._drv and not self._root and self._tail and self._tail[0][:1] == '~':
            home = os.path.expanduser(self._tail[0])
            if home[:1] == '~':
                raise RuntimeError('Could not determine home directory.')
            return type(self)(home, *self._tail[1:])
        return self

    def readlink(self):
        return type(self)(os.readlink(self))

    # --- status ---

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def _mode(self, follow_symlinks=True):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except OSError as e:
            if not _ignorable(e):
                raise
        except ValueError:
            pass
        return None

    def exists(self):
        return self._mode() is not None

    def is_dir(self):
        mode = self._mode()
        return mode is not None and _stat.S_ISDIR(mode)

    def is_file(self):
        mode = self._mode()
        return mode is not None and _stat.S_ISREG(mode)

    def is_symlink(self):
        mode = self._mode(follow_symlinks=False)
        return mode is not None and _stat.S_ISLNK(mode)

    def is_fifo(self):
        mode = self._mode()
        return mode is not None and _stat.S_ISFIFO(mode)

    def is_socket(self):
        mode = self._mode()
        return mode is not None and _stat.S_ISSOCK(mode)

    def is_block_device(self):
        mode = self._mode()
        return mode is not None and _stat.S_ISBLK(mode)

    def is_char_device(self):
        mode = self._mode()
        return mode is not None and _stat.S_ISCHR(mode)

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        mine = self.stat()
        other = (other_path if isinstance(other_path, Path) else type(self)(other_path)).stat()
        return os.path.samestat(mine, other)

    # --- directories ---

    def iterdir(self):
        """The entries of the directory, as paths (no '.' or '..')."""
        for name in os.listdir(self):
            yield self._derive(self._drv, self._root, self._tail + (name,))

    def glob(self, pattern):
        """The paths under this directory matching a relative glob pattern
        ('**' for this directory and every directory below it)."""
        if not pattern:
            raise ValueError(f'Unacceptable pattern: {pattern!r}')
        parsed = type(self)(pattern)
        if parsed.anchor:
            raise NotImplementedError('Non-relative patterns are unsupported')
        names = list(parsed._tail)
        if pattern[-1:] in ('/', self._syntax.sep):
            names.append('')
        seen = set()
        for found in _select(self, names):
            if found not in seen:
                seen.add(found)
                yield found

    def rglob(self, pattern):
        """glob() with '**/' in front of the pattern."""
        parsed = type(self)(pattern)
        if parsed.anchor:
            raise NotImplementedError('Non-relative patterns are unsupported')
        return self.glob('**/' + pattern if pattern else '**')

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Create the directory; with parents=True its missing parents too
        (made with the default mode, from the top down)."""
        if parents:
            pending = []
            ancestor = self.parent
            while ancestor != ancestor.parent and not ancestor.is_dir():
                pending.append(ancestor)
                ancestor = ancestor.parent
            for directory in reversed(pending):
                try:
                    os.mkdir(directory)
                except FileExistsError:
                    if not directory.is_dir():
                        raise
        try:
            os.mkdir(self, mode)
        except OSError:
            if exist_ok and self.is_dir():
                return
            raise

    def rmdir(self):
        os.rmdir(self)

    # --- files ---

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open('rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open('r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open('wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError(f'data must be str, not {type(data).__name__}')
        with self.open('w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        """Create the file if missing; otherwise update its times (or raise
        FileExistsError when exist_ok is false)."""
        if exist_ok:
            try:
                os.utime(self, None)
                return
            except OSError:
                pass
        flags = os.O_CREAT | os.O_WRONLY | (0 if exist_ok else os.O_EXCL)
        os.close(os.open(self, flags, mode))

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if missing_ok:
                return
            raise

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def chmod(self, mode, *, follow_symlinks=True):
        if not follow_symlinks:
            raise NotImplementedError('chmod: follow_symlinks unavailable on this platform')
        os.chmod(self, mode)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)


def _has_magic(name):
    return any(c in name for c in '*?[')


def _select(base, names):
    # Walks the pattern one name at a time: '**' fans out into base and
    # every directory below it, a wildcard into the matching entries, a
    # plain name into that one entry if it exists; '' (a trailing slash)
    # keeps only directories.
    if not names:
        yield base
        return
    first, rest = names[0], names[1:]
    if first == '':
        if base.is_dir():
            yield base
        return
    if first == '**':
        for directory in _walk_dirs(base):
            yield from _select(directory, rest)
        return
    if not _has_magic(first):
        child = base / first
        if rest or child.exists() or child.is_symlink():
            if not rest:
                yield child
            elif child.is_dir():
                yield from _select(child, rest)
        return
    try:
        entries = list(os.scandir(base))
    except OSError:
        return
    for entry in entries:
        if not fnmatch.fnmatchcase(entry.name, first):
            continue
        if rest:
            try:
                if not entry.is_dir():
                    continue
            except OSError:
                continue
        yield from _select(base / entry.name, rest)


def _walk_dirs(top):
    yield top
    try:
        entries = list(os.scandir(top))
    except OSError:
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir:
            yield from _walk_dirs(top / entry.name)


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """A concrete Windows path; cannot be made on this system."""
    __slots__ = ()
