"""High-level file operations: copying files and trees, removing trees,
moving, finding programs on PATH, disk usage.

The copy functions come in layers, each adding to the one before:

    copyfileobj   bytes from one open file to another
    copyfile      a file's contents (no metadata) to a new path
    copymode      permission bits        copystat   bits and times
    copy          contents + mode        copy2      contents + stat
    copytree      a directory, recursively, with copy2 (by default)


rmtree removes a tree bottom-up without following symbolic links; errors go
to onerror(function, path, exc_info) when given. move renames when it can
and copies then removes when the destination is on another file system.
"""


import collections
import fnmatch
import os
import stat
import sys


__all__ = [
    "copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2", "copytree", "move",
    "rmtree", "Error", "SpecialFileError", "ExecError", "ignore_patterns", "which",
    "disk_usage", "get_terminal_size", "SameFileError", "chown",
]


COPY_BUFSIZE = 64 * 1024


def _access_check(fn, mode):
    return os.path.exists(fn) and os.access(fn, mode) and not os.path.isdir(fn)


def _system_path():
    """The search path when PATH is not set: the C library's, else os.defpath."""
    confstr = getattr(os, "confstr", None)
    if confstr is not None:
        try:
            return confstr("CS_PATH") or os.defpath
        except ValueError:
            pass
    return os.defpath


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the program cmd as the shell would find it on PATH (or
    `path`), or None."""
    if os.path.dirname(cmd):
        return cmd if _access_check(cmd, mode) else None
    search = path if path is not None else os.environ.get("PATH", _system_path())
    if not search:
        return None    # an empty PATH means: look nowhere
    if isinstance(cmd, bytes):
        directories = os.fsencode(search).split(os.fsencode(os.pathsep))
    else:
        directories = os.fsdecode(search).split(os.pathsep)
    seen = set()
    for directory in directories:
        key = os.path.normcase(directory)
        if key in seen:
            continue
        seen.add(key)
        candidate = os.path.join(directory, cmd)
        if _access_check(candidate, mode):
            return candidate
    return None


_terminal_size = collections.namedtuple("terminal_size", "columns lines")


def get_terminal_size(fallback=(80, 24)):
    """(columns, lines) from $COLUMNS/$LINES, the terminal on stdout, or
    fallback."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        size = None
        if hasattr(os, "get_terminal_size"):
            try:
                size = os.get_terminal_size(sys.__stdout__.fileno())
            except (AttributeError, ValueError, OSError):
                size = None
        if size is None:
            size = fallback
        if columns <= 0:
            columns = size[0] or fallback[0]
        if lines <= 0:
            lines = size[1] or fallback[1]
    kind = getattr(os, "terminal_size", None)
    return kind((columns, lines)) if kind is not None else _terminal_size(columns, lines)


def chown(path, user=None, group=None):
    """Changes the owner and group of path (names or ids)."""
    if user is None and group is None:
        raise ValueError("user and/or group must be set")
    if not hasattr(os, "chown"):
        raise NotImplementedError("os.chown is not available")
    os.chown(path, -1 if user is None else user, -1 if group is None else group)


_ntuple_diskusage = collections.namedtuple("usage", "total used free")


def disk_usage(path):
    """(total, used, free) bytes of the file system holding path."""
    st = os.statvfs(path)
    free = st.f_bavail * st.f_frsize
    total = st.f_blocks * st.f_frsize
    used = (st.f_blocks - st.f_bfree) * st.f_frsize
    return _ntuple_diskusage(total, used, free)


def _rmtree_inside(path, onerror):
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        onerror(os.scandir, path, sys.exc_info())
        entries = []
    for entry in entries:
        full = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _rmtree_inside(full, onerror)
        else:
            try:
                os.unlink(full)
            except OSError:
                onerror(os.unlink, full, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Removes a directory tree. Symbolic links inside are removed, not
    followed; a link as `path` itself is an error.

    Errors are ignored with ignore_errors, passed to onerror(function,
    path, exc_info) when given, and raised otherwise."""
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        st = os.lstat(path)
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    try:
        if stat.S_ISLNK(st.st_mode):
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError:
        onerror(os.path.islink, path, sys.exc_info())
        return
    _rmtree_inside(os.fspath(path), onerror)


# Removal goes by path names, not by directory descriptors: a directory
# swapped for a link while rmtree runs could be followed.
rmtree.avoids_symlink_attacks = False


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when copying something that is not a regular file (a pipe)."""


class ExecError(OSError):
    """Raised when a command could not be executed."""


class ReadError(OSError):
    """Raised when an archive cannot be read."""


class RegistryError(Exception):
    """Raised when registering an archive format fails."""


def copyfileobj(fsrc, fdst, length=0):
    """Copies the rest of file-like fsrc into fdst, length bytes at a time."""
    if not length:
        length = COPY_BUFSIZE
    read, write = fsrc.read, fdst.write
    while True:
        chunk = read(length)
        if not chunk:
            return
        write(chunk)


def _samefile(src, dst):
    if isinstance(src, os.DirEntry):
        try:
            return os.path.samestat(src.stat(), os.stat(dst))
        except OSError:
            return False
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def _stat(fn):
    return fn.stat() if isinstance(fn, os.DirEntry) else os.stat(fn)


def _islink(fn):
    return fn.is_symlink() if isinstance(fn, os.DirEntry) else os.path.islink(fn)


def copyfile(src, dst, *, follow_symlinks=True):
    """Copies the contents of src to the file dst (made or replaced); a
    symbolic link src is copied as a link when follow_symlinks is false.
    Returns dst."""
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    for index, fn in enumerate((src, dst)):
        try:
            st = _stat(fn)
        except OSError:
            continue
        if stat.S_ISFIFO(st.st_mode):
            fn = fn.path if isinstance(fn, os.DirEntry) else fn
            raise SpecialFileError("`%s` is a named pipe" % fn)
    if not follow_symlinks and _islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, "rb") as fsrc:
        with open(dst, "wb") as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copies the permission bits of src to dst."""
    if not follow_symlinks and _islink(src) and os.path.islink(dst):
        return   # Linux cannot change a link's own mode
    os.chmod(dst, stat.S_IMODE(_stat(src).st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    """Copies the permission bits and the access and modification times of
    src to dst."""
    follow = follow_symlinks or not (_islink(src) and os.path.islink(dst))
    if follow:
        st = _stat(src)
    else:
        st = src.stat(follow_symlinks=False) if isinstance(src, os.DirEntry) else os.lstat(src)
    os.utime(dst, (st.st_atime, st.st_mtime), follow_symlinks=follow)
    if follow:
        os.chmod(dst, stat.S_IMODE(st.st_mode))


def _into(src, dst):
    """dst, or dst/basename(src) when dst is a directory."""
    if os.path.isdir(dst):
        return os.path.join(dst, os.path.basename(src))
    return dst


def copy(src, dst, *, follow_symlinks=True):
    """Copies contents and permission bits; dst may be a directory.
    Returns the path of the new file."""
    dst = _into(src, dst)
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copies contents, permission bits and times; dst may be a directory.
    Returns the path of the new file."""
    dst = _into(src, dst)
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """An `ignore` function for copytree: leaves out names matching any of
    the glob-style patterns."""
    def _ignore_patterns(path, names):
        skipped = set()
        for pattern in patterns:
            skipped.update(fnmatch.filter(names, pattern))
        return skipped
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copies the directory tree src to dst (which must not exist unless
    dirs_exist_ok). Problems with single entries are collected and raised
    together as Error at the end. Returns dst."""
    with os.scandir(src) as it:
        entries = list(it)
    names = [entry.name for entry in entries]
    skipped = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for entry in entries:
        if entry.name in skipped:
            continue
        source = os.path.join(src, entry.name)
        target = os.path.join(dst, entry.name)
        try:
            if entry.is_symlink():
                linkto = os.readlink(source)
                if symlinks:
                    os.symlink(linkto, target)
                    copystat(entry, target, follow_symlinks=False)
                elif not os.path.exists(linkto if os.path.isabs(linkto)
                                        else os.path.join(os.path.dirname(source), linkto)) \
                        and ignore_dangling_symlinks:
                    continue
                elif entry.is_dir():
                    copytree(source, target, symlinks, ignore, copy_function,
                             ignore_dangling_symlinks, dirs_exist_ok)
                else:
                    copy_function(source, target)
            elif entry.is_dir():
                copytree(source, target, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(source, target)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((source, target, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        if getattr(why, "winerror", None) is None:
            errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def _basename(path):
    # basename('a/b/') is 'b' here, where os.path.basename gives ''.
    return os.path.basename(path.rstrip(os.sep))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.sep):
        src += os.sep
    if not dst.endswith(os.sep):
        dst += os.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Moves a file or directory to dst (into it, when dst is a directory).
    Renames when possible, else copies and removes the original. Returns
    the new path."""
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            os.rename(src, dst)
            return dst
        real_dst = os.path.join(dst, _basename(os.fspath(src)))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.islink(src):
            os.symlink(os.readlink(src), real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst
