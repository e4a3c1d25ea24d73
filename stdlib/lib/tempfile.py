"""Temporary files and directories.

Names are a prefix, eight random characters and a suffix, made in the
temporary directory (gettempdir(): $TMPDIR, $TEMP or $TMP, else /tmp,
/var/tmp, /usr/tmp, else the current directory: the first one we can
create a file in). Files are created with O_EXCL, readable and writable by
the owner only, so a name taken by someone else is never reused: creation
retries with a new name, TMP_MAX times at most.

    mkstemp / mkdtemp        make one and return its name; the caller cleans up
    TemporaryFile            a file with no name in the file system
    NamedTemporaryFile       a named file, removed when closed (delete=True)
    SpooledTemporaryFile     in memory until it grows past max_size
    TemporaryDirectory       a directory removed with its contents on cleanup
"""

import errno as _errno
import io as _io
import os as _os
import random as _random
import shutil as _shutil
import sys as _sys
import weakref as _weakref

__all__ = [
    "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
    "gettempprefixb", "gettempdirb",
]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_FILE_FLAGS = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | getattr(_os, "O_NOFOLLOW", 0) | \
    getattr(_os, "O_CLOEXEC", 0)
_BIN_FLAGS = _FILE_FLAGS | getattr(_os, "O_BINARY", 0)


class _RandomNameSequence:
    """An endless supply of eight-character names. The generator is made
    anew in a forked child, which must not repeat its parent's names."""

    characters = "abcdefghijklmnopqrstuvwxyz0123456789_"

    def __init__(self):
        self._pid = None
        self._rng = None

    @property
    def rng(self):
        pid = _os.getpid()
        if pid != self._pid:
            self._rng = _random.Random()
            self._pid = pid
        return self._rng

    def __iter__(self):
        return self

    def __next__(self):
        choose = self.rng.choice
        return "".join(choose(self.characters) for _ in range(8))


_names = None


def _get_candidate_names():
    global _names
    if _names is None:
        _names = _RandomNameSequence()
    return _names


def _candidate_tempdir_list():
    dirs = []
    for var in ("TMPDIR", "TEMP", "TMP"):
        value = _os.getenv(var)
        if value:
            dirs.append(value)
    dirs.extend(["/tmp", "/var/tmp", "/usr/tmp"])
    try:
        dirs.append(_os.getcwd())
    except OSError:
        dirs.append(_os.curdir)
    return dirs


def _get_default_tempdir():
    """The first candidate directory in which a file can be created."""
    names = _get_candidate_names()
    for where in _candidate_tempdir_list():
        if where != _os.curdir:
            where = _os.path.abspath(where)
        for _ in range(100):
            probe = _os.path.join(where, next(names))
            try:
                fd = _os.open(probe, _BIN_FLAGS, 0o600)
                try:
                    _os.write(fd, b"blat")
                finally:
                    _os.close(fd)
                    _os.unlink(probe)
                return where
            except FileExistsError:
                continue
            except PermissionError:
                break
            except OSError:
                break
    raise FileNotFoundError(_errno.ENOENT, "No usable temporary directory found in %s"
                            % _candidate_tempdir_list())


def gettempdir():
    """The directory temporary files go in (chosen once)."""
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return _os.fsdecode(tempdir) if isinstance(tempdir, bytes) else tempdir


def gettempdirb():
    return _os.fsencode(gettempdir())


def gettempprefix():
    return _os.fsdecode(template) if isinstance(template, bytes) else template


def gettempprefixb():
    return _os.fsencode(gettempprefix())


def _sanitize_params(prefix, suffix, dir):
    """Defaults for prefix, suffix and dir; all str or all bytes."""
    kinds = {type(x) for x in (prefix, suffix, dir) if x is not None}
    if len(kinds) > 1:
        raise TypeError("Can't mix bytes and non-bytes in path components.")
    as_bytes = kinds == {bytes}
    if suffix is None:
        suffix = b"" if as_bytes else ""
    if prefix is None:
        prefix = gettempprefixb() if as_bytes else template
    if dir is None:
        dir = gettempdirb() if as_bytes else gettempdir()
    return prefix, suffix, dir, as_bytes


def _make_name(dir, prefix, suffix, as_bytes):
    name = next(_get_candidate_names())
    if as_bytes:
        name = _os.fsencode(name)
    return _os.path.join(dir, prefix + name + suffix)


def _exclusive(create, dir, prefix, suffix, as_bytes, what):
    """Calls create(path) with new names until one is free."""
    for _ in range(TMP_MAX):
        path = _make_name(dir, prefix, suffix, as_bytes)
        try:
            return create(path), path
        except FileExistsError:
            continue
        except PermissionError:
            # A directory by that name makes open() fail with EACCES here.
            if _os.path.isdir(dir) and _os.access(dir, _os.W_OK):
                continue
            raise
    raise FileExistsError(_errno.EEXIST, "No usable temporary %s name found" % what)


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a new file that only its owner may read and write; returns
    (an open OS-level file descriptor, its absolute path)."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    flags = _FILE_FLAGS if text else _BIN_FLAGS
    fd, path = _exclusive(lambda p: _os.open(p, flags, 0o600), dir, prefix, suffix,
                          as_bytes, "file")
    return fd, _os.path.abspath(path)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a new directory that only its owner may use; returns its path."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    _, path = _exclusive(lambda p: _os.mkdir(p, 0o700), dir, prefix, suffix, as_bytes,
                         "directory")
    return path


def mktemp(suffix="", prefix=template, dir=None):
    """A name no file has yet (unsafe: someone may take it before you do;
    use mkstemp)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        path = _make_name(dir, prefix, suffix, False)
        if not _os.path.lexists(path):
            return path
    raise FileExistsError(_errno.EEXIST, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object with a name that is deleted when closed; everything
    else is the file's own (read, write, seek, iteration, ...)."""

    def __init__(self, file, name, delete=True):
        self.file, self.name, self.delete = file, name, delete
        self._closed_once = False

    def __getattr__(self, attr):
        return getattr(self.__dict__["file"], attr)

    def close(self):
        """Closes the file, then removes it if `delete`; only the first
        call does anything."""
        if self._closed_once:
            return
        self._closed_once = True
        try:
            self.file.close()
        finally:
            if self.delete and _os.path.lexists(self.name):
                _os.unlink(self.name)

    def __del__(self):
        if "file" in self.__dict__:
            self.close()

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, *exc_details):
        try:
            return self.file.__exit__(*exc_details)
        finally:
            self.close()

    def __iter__(self):
        yield from self.file


def _open_fd(fd, mode, buffering, newline, encoding, errors):
    try:
        return _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding,
                        errors=errors)
    except BaseException:
        _os.close(fd)
        raise


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (`.name`), removed when closed
    unless delete is false."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    flags = _BIN_FLAGS if "b" in mode else _FILE_FLAGS
    fd, name = _exclusive(lambda p: _os.open(p, flags, 0o600), dir, prefix, suffix,
                          as_bytes, "file")
    try:
        file = _open_fd(fd, mode, buffering, newline, encoding, errors)
        return _TemporaryFileWrapper(file, name, delete)
    except BaseException:
        _os.unlink(name)
        raise


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    """A temporary file without a name in the file system: it is removed as
    soon as it is created, and freed when closed."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    flags = _BIN_FLAGS if "b" in mode else _FILE_FLAGS
    fd, name = _exclusive(lambda p: _os.open(p, flags, 0o600), dir, prefix, suffix,
                          as_bytes, "file")
    try:
        _os.unlink(name)
    except BaseException:
        _os.close(fd)
        raise
    return _open_fd(fd, mode, buffering, newline, encoding, errors)


class SpooledTemporaryFile(getattr(_io, "IOBase", object)):
    """A temporary file kept in memory (BytesIO or StringIO) until more than
    max_size is written or fileno() is asked for; then it becomes a
    TemporaryFile with the same contents and position."""

    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        self._file = _io.BytesIO() if "b" in mode else _io.StringIO(newline="\n")
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = dict(mode=mode, buffering=buffering, suffix=suffix,
                                       prefix=prefix, encoding=encoding, newline=newline,
                                       dir=dir, errors=errors)

    def rollover(self):
        """Moves the contents to a real temporary file (once)."""
        if self._rolled:
            return
        memory = self._file
        disk = TemporaryFile(**self._TemporaryFileArgs)
        disk.write(memory.getvalue())
        disk.seek(memory.tell(), 0)
        self._file, self._rolled = disk, True
        del self._TemporaryFileArgs

    def _grown(self):
        if not self._rolled and self._max_size and self._file.tell() > self._max_size:
            self.rollover()

    def _setting(self, key):
        if self._rolled:
            return getattr(self._file, key)
        return self._TemporaryFileArgs[key]

    encoding = property(lambda self: self._setting("encoding"))
    errors = property(lambda self: self._setting("errors"))
    mode = property(lambda self: self._setting("mode"))
    name = property(lambda self: self._file.name if self._rolled else None)
    closed = property(lambda self: self._file.closed)
    newlines = property(lambda self: self._file.newlines)

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, *exc_details):
        self._file.close()

    def __iter__(self):
        return iter(self._file)

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def truncate(self, size=None):
        if size is not None and size > self._max_size:
            self.rollover()
        if size is None:
            self._file.truncate()
        else:
            self._file.truncate(size)

    def write(self, s):
        count = self._file.write(s)
        self._grown()
        return count

    def writelines(self, iterable):
        result = self._file.writelines(iterable)
        self._grown()
        return result


def _pass_to_file(method_name):
    def method(self, *args):
        return getattr(self._file, method_name)(*args)
    method.__name__ = method_name
    return method


for _method_name in ("close", "flush", "isatty", "read", "readline", "readlines", "readable",
                     "seekable", "writable", "seek", "tell"):
    setattr(SpooledTemporaryFile, _method_name, _pass_to_file(_method_name))
del _method_name


def _force_rmtree(top, ignore_errors):
    """shutil.rmtree that also removes what the user took write or search
    permission from, and ignores what vanished meanwhile."""
    def retry(func, path, exc_info):
        kind = exc_info[0]
        if issubclass(kind, FileNotFoundError):
            return
        if not issubclass(kind, PermissionError):
            if ignore_errors:
                return
            raise exc_info[1]
        try:
            if path != top:
                _os.chmod(_os.path.dirname(path), 0o700)
            _os.chmod(path, 0o700)
            if _os.path.isdir(path) and not _os.path.islink(path):
                _force_rmtree(path, ignore_errors)
            else:
                _os.unlink(path)
        except FileNotFoundError:
            pass

    _shutil.rmtree(top, onerror=retry)


def _finalize_directory(name, warn_message, ignore_errors=False):
    # Runs when a TemporaryDirectory is collected without cleanup().
    _force_rmtree(name, ignore_errors)
    import warnings
    warnings.warn(warn_message, ResourceWarning)


class TemporaryDirectory:
    """A new directory (its path in `.name`) removed with everything in it
    by cleanup(), at the end of a with block, or when the object is
    collected."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        made = mkdtemp(suffix, prefix, dir)
        self.name = made
        self._ignore_cleanup_errors = ignore_cleanup_errors
        message = f"Implicitly cleaning up {self!r}"
        self._finalizer = _weakref.finalize(self, _finalize_directory, made, message,
                                            ignore_cleanup_errors)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    def cleanup(self):
        """Removes the directory and its contents (again harmless)."""
        pending = self._finalizer.detach() is not None
        if pending or _os.path.exists(self.name):
            _force_rmtree(self.name, self._ignore_cleanup_errors)

    def __enter__(self):
        return self.name

    def __exit__(self, *exc_details):
        self.cleanup()
