"""Operating system interfaces for POSIX.

Re-exports the native posix module (open, stat, listdir, ...) and adds what
is written in Python on top of it: os.path (the posixpath module),
os.environ (a str mapping whose changes reach the process environment, so
child processes see them), getenv, the recursive directory helpers
(makedirs, removedirs, renames, walk), scandir with DirEntry, fsencode /
fsdecode, get_exec_path and the PathLike protocol class.
"""

import abc as _abc
import sys

import posix as _posix
import posixpath as path
import stat as _st
from posix import *
from posix import _exit

# `import os.path` must find the module os.path names.
sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
error = OSError
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2

sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull


class PathLike(_abc.ABC):
    """The file system path protocol: any class with __fspath__() is a
    virtual subclass, so isinstance(obj, os.PathLike) needs no
    registration."""

    @_abc.abstractmethod
    def __fspath__(self):
        """The path of this object, as str or bytes."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike and hasattr(subclass, '__fspath__'):
            return True
        return NotImplemented


# ---- the environment --------------------------------------------------------

def _must_be_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)


class _Environ(dict):
    """os.environ: a dict whose every change is also made with putenv()
    or unsetenv(), so that the process environment (which child processes
    inherit) always agrees with it. Every mutating dict method is
    overridden, because dict's own versions would bypass __setitem__."""

    def __setitem__(self, key, value):
        _must_be_str(key)
        _must_be_str(value)
        putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        unsetenv(key)
        dict.__delitem__(self, key)

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return dict.__getitem__(self, key)

    def pop(self, key, *default):
        if key in self:
            unsetenv(key)
        return dict.pop(self, key, *default)

    def popitem(self):
        key, value = dict.popitem(self)
        unsetenv(key)
        return key, value

    def clear(self):
        for key in list(self):
            del self[key]

    def copy(self):
        return dict(self)

    def __repr__(self):
        items = ', '.join('%r: %r' % item for item in self.items())
        return 'environ({%s})' % items


environ = _Environ(_posix.environ)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """A file object over the open descriptor fd (io.open with an int)."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd).__name__)
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def getenv(key, default=None):
    """The value of environment variable key, or default if it is unset."""
    return environ.get(key, default)


def get_exec_path(env=None):
    """The directories searched for an executable named without a '/',
    taken from PATH in env (os.environ by default; a bytes b'PATH' key
    counts too, but not both) or the default path."""
    if env is None:
        env = environ
    found = env.get('PATH')
    if b'PATH' in env:
        if found is not None:
            raise ValueError("env cannot contain 'PATH' and b'PATH' keys")
        found = fsdecode(env[b'PATH'])
    if found is None:
        found = defpath
    return found.split(pathsep)


# ---- exec variants ------------------------------------------------------------

def execl(path, *args):
    """execv(path, args)."""
    execv(path, args)


def execle(path, *args):
    """execve(path, args[:-1], args[-1]): the environment comes last."""
    execve(path, args[:-1], args[-1])


def execlp(file, *args):
    """execvp(file, args)."""
    execvp(file, args)


def execlpe(file, *args):
    """execvpe(file, args[:-1], args[-1])."""
    execvpe(file, args[:-1], args[-1])


def execvp(file, args):
    """Replace the process with `file` found along PATH (execv)."""
    _exec_search(file, args, None)


def execvpe(file, args, env):
    """Replace the process with `file` found along env's PATH (execve)."""
    _exec_search(file, args, env)


def _exec_search(file, args, env):
    if not isinstance(args, (tuple, list)):
        raise TypeError('argv must be a tuple or a list')
    run = execv if env is None else (lambda p, a: execve(p, a, env))
    if path.dirname(file):
        run(file, args)
        return
    # Try each directory; report the first error other than "not there".
    first_error = None
    last_error = None
    for directory in get_exec_path(env):
        if isinstance(file, bytes):
            directory = fsencode(directory)
        try:
            run(path.join(directory, file), args)
        except (FileNotFoundError, NotADirectoryError) as missing:
            last_error = missing
        except OSError as other:
            last_error = other
            if first_error is None:
                first_error = other
    raise first_error if first_error is not None else last_error


def fsencode(filename):
    """filename (str, bytes or PathLike) as bytes in the file system
    encoding, UTF-8."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename
    return filename.encode('utf-8', 'surrogateescape')


def fsdecode(filename):
    """filename (str, bytes or PathLike) as str, decoded from UTF-8."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename
    return filename.decode('utf-8', 'surrogateescape')


# ---- directory trees --------------------------------------------------------

def _split_dir(name):
    # "a/b/" names the directory b, as "a/b" does.
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    return head, tail


def makedirs(name, mode=0o777, exist_ok=False):
    """Create directory name and every missing parent. mode applies to the
    leaf only. FileExistsError if name exists, unless exist_ok is true
    and it is a directory."""
    missing = []
    head, tail = _split_dir(name)
    leaf_tail = tail
    while head and tail and not path.exists(head):
        missing.append(head)
        head, tail = _split_dir(head)
    for parent in reversed(missing):
        _make_parent(parent, exist_ok)
    # "new/." is made by making "new"; mkdir would refuse the dot itself.
    if missing and leaf_tail in (curdir, b'.'):
        return
    try:
        mkdir(name, mode)
    except OSError:
        # exist_ok forgives an existing directory, not an existing file.
        if exist_ok and path.isdir(name):
            return
        raise


def _make_parent(parent, exist_ok):
    try:
        mkdir(parent)
    except FileExistsError:
        # Someone else made it meanwhile: that is what we wanted.
        pass
    except OSError:
        if not exist_ok or not path.isdir(parent):
            raise


def removedirs(name):
    """Remove directory name, then each parent named in it that is now
    empty, stopping quietly at the first that cannot be removed."""
    rmdir(name)
    head, tail = _split_dir(name)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            return
        head, tail = path.split(head)


def renames(old, new):
    """rename() that first makes the directories new needs and then
    removes those of old that the move left empty."""
    new_dir, new_name = path.split(new)
    if new_dir and new_name and not path.exists(new_dir):
        makedirs(new_dir)
    rename(old, new)
    old_dir, old_name = path.split(old)
    if old_dir and old_name:
        try:
            removedirs(old_dir)
        except OSError:
            pass


class DirEntry:
    """One entry of scandir(): its name, its path (the scanned directory
    joined with the name) and stat queries whose answers are cached."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._lstat_result = None
        self._stat_result = None

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        """The entry's stat result (of the link itself if not following)."""
        if self._lstat_result is None:
            self._lstat_result = lstat(self.path)
        if not follow_symlinks or not _st.S_ISLNK(self._lstat_result.st_mode):
            return self._lstat_result
        if self._stat_result is None:
            self._stat_result = stat(self.path)
        return self._stat_result

    def _mode_test(self, test, follow_symlinks):
        # A file removed since the scan is simply "not a directory" etc.
        try:
            return test(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._mode_test(_st.S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._mode_test(_st.S_ISREG, follow_symlinks)

    def is_symlink(self):
        return self._mode_test(_st.S_ISLNK, False)

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    """What scandir() returns: an iterator of DirEntry and a context
    manager. The names are read up front (listdir); the stat calls are
    made lazily by each entry."""

    def __init__(self, dirpath):
        self._dirpath = dirpath
        self._names = iter(listdir(dirpath))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dirpath, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def scandir(path='.'):
    """An iterator of DirEntry objects for the entries of directory path
    (without '.' and '..', in no particular order)."""
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for directory top and every
    directory below it. Top-down, the caller may prune dirnames in place
    to stop the descent; bottom-up, a directory comes after its
    subdirectories. Errors listing a directory go to onerror (ignored by
    default); symbolic links to directories are entered only with
    followlinks."""
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    listing = _list_dir(top, onerror)
    if listing is None:
        return
    dirs, files, dir_entries = listing
    if topdown:
        yield top, dirs, files
        for dirname in dirs:
            below = path.join(top, dirname)
            if followlinks or not path.islink(below):
                yield from _walk(below, topdown, onerror, followlinks)
        return
    for entry in dir_entries:
        if followlinks or not _entry_test(entry.is_symlink):
            yield from _walk(entry.path, topdown, onerror, followlinks)
    yield top, dirs, files


def _list_dir(top, onerror):
    """(dirnames, filenames, dir entries) of one directory, or None after
    reporting the error to onerror."""
    try:
        entries = list(scandir(top))
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return None
    dirs, files, dir_entries = [], [], []
    for entry in entries:
        if _entry_test(entry.is_dir):
            dirs.append(entry.name)
            dir_entries.append(entry)
        else:
            files.append(entry.name)
    return dirs, files, dir_entries


def _entry_test(test):
    # walk() treats an entry it cannot stat as a plain file, not an error.
    try:
        return test()
    except OSError:
        return False
