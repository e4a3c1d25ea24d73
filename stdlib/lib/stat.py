"""Names for the fields of os.stat() results and for the bits of st_mode:
the ST_* indexes, the S_IF* file types with their S_IS*() tests, the
permission bits, S_IMODE()/S_IFMT(), filemode(), and the BSD (UF_*, SF_*)
and Windows (FILE_ATTRIBUTE_*) flag values.

The functions check their argument the way CPython's native _stat module
does (an int that fits a C mode_t), since CPython uses that module's
versions and so do the messages programs may see.
"""

# Indexes into the tuple form of an os.stat() result.
ST_MODE, ST_INO, ST_DEV, ST_NLINK, ST_UID, ST_GID = range(6)
ST_SIZE, ST_ATIME, ST_MTIME, ST_CTIME = range(6, 10)

# File types: the values S_IFMT() can return.
S_IFSOCK = 0o140000
S_IFLNK = 0o120000
S_IFREG = 0o100000
S_IFBLK = 0o060000
S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFIFO = 0o010000
# Solaris doors, event ports and BSD whiteouts do not exist on this platform.
S_IFDOOR = 0
S_IFPORT = 0
S_IFWHT = 0

_TYPE_BITS = 0o170000
_PERMISSION_BITS = 0o7777

# Set-id and sticky bits, then read/write/execute for user, group, others.
S_ISUID = 0o4000
S_ISGID = 0o2000
S_ISVTX = 0o1000
S_ENFMT = S_ISGID           # System V file locking enforcement
S_IRWXU, S_IRUSR, S_IWUSR, S_IXUSR = 0o700, 0o400, 0o200, 0o100
S_IRWXG, S_IRGRP, S_IWGRP, S_IXGRP = 0o070, 0o040, 0o020, 0o010
S_IRWXO, S_IROTH, S_IWOTH, S_IXOTH = 0o007, 0o004, 0o002, 0o001
S_IREAD, S_IWRITE, S_IEXEC = S_IRUSR, S_IWUSR, S_IXUSR     # Unix V7 names

# st_flags bits of the BSDs and macOS (chflags()).
UF_NODUMP = 0x1
UF_IMMUTABLE = 0x2
UF_APPEND = 0x4
UF_OPAQUE = 0x8
UF_NOUNLINK = 0x10
UF_COMPRESSED = 0x20
UF_HIDDEN = 0x8000
SF_ARCHIVED = 0x10000
SF_IMMUTABLE = 0x20000
SF_APPEND = 0x40000
SF_NOUNLINK = 0x100000
SF_SNAPSHOT = 0x200000

# st_file_attributes bits of Windows; CPython defines them everywhere.
FILE_ATTRIBUTE_READONLY = 0x1
FILE_ATTRIBUTE_HIDDEN = 0x2
FILE_ATTRIBUTE_SYSTEM = 0x4
FILE_ATTRIBUTE_DIRECTORY = 0x10
FILE_ATTRIBUTE_ARCHIVE = 0x20
FILE_ATTRIBUTE_DEVICE = 0x40
FILE_ATTRIBUTE_NORMAL = 0x80
FILE_ATTRIBUTE_TEMPORARY = 0x100
FILE_ATTRIBUTE_SPARSE_FILE = 0x200
FILE_ATTRIBUTE_REPARSE_POINT = 0x400
FILE_ATTRIBUTE_COMPRESSED = 0x800
FILE_ATTRIBUTE_OFFLINE = 0x1000
FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 0x2000
FILE_ATTRIBUTE_ENCRYPTED = 0x4000
FILE_ATTRIBUTE_INTEGRITY_STREAM = 0x8000
FILE_ATTRIBUTE_VIRTUAL = 0x10000
FILE_ATTRIBUTE_NO_SCRUB_DATA = 0x20000


def _checked(mode):
    """mode as a C mode_t would hold it, with _stat's errors otherwise."""
    if type(mode) is int and 0 <= mode <= 0xFFFFFFFF:
        return mode
    if not isinstance(mode, int):
        raise TypeError("an integer is required")
    if mode < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if mode >= 1 << 64:
        raise OverflowError("Python int too large to convert to C unsigned long")
    if mode > 0xFFFFFFFF:
        raise OverflowError("mode out of range")
    return int(mode)    # a bool, say


def S_IMODE(mode):
    """The permission part of mode: what os.chmod() can set."""
    return _checked(mode) & _PERMISSION_BITS


def S_IFMT(mode):
    """The file-type part of mode, one of the S_IF* constants."""
    return _checked(mode) & _TYPE_BITS


def S_ISDIR(mode):
    """Does mode describe a directory?"""
    return _checked(mode) & _TYPE_BITS == S_IFDIR


def S_ISREG(mode):
    """Does mode describe a regular file?"""
    return _checked(mode) & _TYPE_BITS == S_IFREG


def S_ISLNK(mode):
    """Does mode describe a symbolic link?"""
    return _checked(mode) & _TYPE_BITS == S_IFLNK


def S_ISCHR(mode):
    """Does mode describe a character device?"""
    return _checked(mode) & _TYPE_BITS == S_IFCHR


def S_ISBLK(mode):
    """Does mode describe a block device?"""
    return _checked(mode) & _TYPE_BITS == S_IFBLK


def S_ISFIFO(mode):
    """Does mode describe a FIFO (named pipe)?"""
    return _checked(mode) & _TYPE_BITS == S_IFIFO


def S_ISSOCK(mode):
    """Does mode describe a socket?"""
    return _checked(mode) & _TYPE_BITS == S_IFSOCK


def S_ISDOOR(mode):
    """Always False: there are no doors here."""
    _checked(mode)
    return False


def S_ISPORT(mode):
    """Always False: there are no event ports here."""
    _checked(mode)
    return False


def S_ISWHT(mode):
    """Always False: there are no whiteouts here."""
    _checked(mode)
    return False


_TYPE_LETTERS = {
    S_IFDIR: 'd', S_IFREG: '-', S_IFLNK: 'l', S_IFCHR: 'c',
    S_IFBLK: 'b', S_IFIFO: 'p', S_IFSOCK: 's',
}

# For each of user, group, others: (read bit, write bit, execute bit,
# special bit, letter when special and executable).  A special bit without
# the execute bit shows as the letter's upper case.
_filemode_table = (
    (S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's'),
    (S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's'),
    (S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't'),
)


def filemode(mode):
    """mode as `ls -l` shows it, e.g. '-rw-r--r--' or 'drwxr-xr-t'; an
    unknown file type shows as '?'."""
    mode = _checked(mode)
    out = [_TYPE_LETTERS.get(mode & _TYPE_BITS, '?')]
    for read, write, run, special, letter in _filemode_table:
        out.append('r' if mode & read else '-')
        out.append('w' if mode & write else '-')
        if mode & special:
            out.append(letter if mode & run else letter.upper())
        else:
            out.append('x' if mode & run else '-')
    return ''.join(out)
