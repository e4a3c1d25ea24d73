"""Read and write gzip files (RFC 1952) over zlib.

A gzip file is one or more members, each a header (magic, method, flags,
mtime, optional name/comment/extra fields), a raw DEFLATE stream and a
trailer with the CRC-32 and length of the data; zero bytes may pad the end.

Text mode ('rt', 'wt', ...) decodes a file's whole content at its first
read, since this interpreter's io.TextIOWrapper wraps only its own files.
"""

import builtins
import errno
import io
import os
import time
import zlib

__all__ = ['BadGzipFile', 'GzipFile', 'open', 'compress', 'decompress']

READ, WRITE = 1, 2
FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16
_LEVEL_FAST, _LEVEL_TRADEOFF, _LEVEL_BEST = 1, 6, 9
_CHUNK = 64 * 1024
_TRUNCATED = 'Compressed file ended before the end-of-stream marker was reached'
_CLOSED = 'I/O operation on closed file'


class BadGzipFile(OSError):
    """Raised for a gzip stream with a bad header or trailer."""


def _le32(n):
    return (n & 0xffffffff).to_bytes(4, 'little')


def _header(level, mtime, fname=b''):
    """A member header: no extra fields, the name if there is one."""
    extra_flags = 2 if level == _LEVEL_BEST else 4 if level == _LEVEL_FAST else 0
    head = bytearray(b'\x1f\x8b\x08')
    head.append(FNAME if fname else 0)
    head += _le32(int(mtime))
    head += bytes((extra_flags, 255))
    if fname:
        head += fname + b'\0'
    return bytes(head)


class _Source:
    """Compressed bytes from a file, with room to push back what a member
    did not use."""

    def __init__(self, fileobj):
        self._file = fileobj
        self._pending = b''

    def some(self):
        if self._pending:
            data, self._pending = self._pending, b''
            return data
        return self._file.read(_CHUNK)

    def push_back(self, data):
        self._pending = data + self._pending

    def upto(self, n):
        parts = []
        while n > 0:
            data = self.some()
            if not data:
                break
            if len(data) > n:
                self.push_back(data[n:])
                data = data[:n]
            parts.append(data)
            n -= len(data)
        return b''.join(parts)

    def exact(self, n):
        data = self.upto(n)
        if len(data) < n:
            raise EOFError(_TRUNCATED)
        return data

    def skip_zeros(self):
        while True:
            data = self.some()
            if not data:
                return
            rest = data.lstrip(b'\0')
            if rest:
                self.push_back(rest)
                return

    def until_nul(self):
        while self.exact(1) != b'\0':
            pass


def _read_header(src):
    """Reads a member header; returns its mtime, or None at the end."""
    magic = src.upto(2)
    if not magic:
        return None
    if magic != b'\x1f\x8b':
        raise BadGzipFile(f'Not a gzipped file ({magic!r})')
    method, flags = src.exact(2)
    if method != 8:
        raise BadGzipFile('Unknown compression method')
    fixed = src.exact(6)
    if flags & FEXTRA:
        src.exact(int.from_bytes(src.exact(2), 'little'))
    if flags & FNAME:
        src.until_nul()
    if flags & FCOMMENT:
        src.until_nul()
    if flags & FHCRC:
        src.exact(2)
    return int.from_bytes(fixed[:4], 'little')


class _Reader:
    """Decompresses member after member, checking each trailer."""

    def __init__(self, fileobj, crc_detail=True):
        self._src = _Source(fileobj)
        self._crc_detail = crc_detail  # GzipFile's message has the CRCs
        self._inflate = None
        self._done = False
        self.mtime = None

    def chunk(self):
        """The next piece of data, b'' at the end of the last member."""
        while not self._done:
            if self._inflate is None and not self._start_member():
                self._done = True
                break
            data = self._src.some()
            if not data:
                raise EOFError(_TRUNCATED)
            out = self._inflate.decompress(data)
            self._crc = zlib.crc32(out, self._crc)
            self._size += len(out)
            if self._inflate.eof:
                self._src.push_back(self._inflate.unused_data)
                self._finish_member()
            if out:
                return out
        return b''

    def _start_member(self):
        mtime = _read_header(self._src)
        if mtime is None:
            return False
        self.mtime = mtime
        self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        self._crc = 0
        self._size = 0
        return True

    def _finish_member(self):
        trailer = self._src.exact(8)
        stored_crc = int.from_bytes(trailer[:4], 'little')
        if stored_crc != self._crc:
            detail = f' {hex(stored_crc)} != {hex(self._crc)}' if self._crc_detail else ''
            raise BadGzipFile('CRC check failed' + detail)
        if int.from_bytes(trailer[4:], 'little') != self._size & 0xffffffff:
            raise BadGzipFile('Incorrect length of data produced')
        self._src.skip_zeros()
        self._inflate = None


def _name_of(fileobj):
    name = getattr(fileobj, 'name', '')
    return name if isinstance(name, (str, bytes)) else ''


class GzipFile(io.BufferedIOBase):
    """A gzip file read ('rb') or written ('wb', 'ab', 'xb') as bytes, over
    a file name or an open binary file object."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError(f'Invalid mode: {mode!r}')
        binary_mode = None if not mode else mode if 'b' in mode else mode + 'b'
        if fileobj is None:
            self.myfileobj = fileobj = builtins.open(filename, binary_mode or 'rb')
        filename = _name_of(fileobj) if filename is None else os.fspath(filename)
        mode = binary_mode or getattr(fileobj, 'mode', 'rb')
        self.fileobj = fileobj
        self.name = filename
        self._pos = 0
        if mode.startswith('r'):
            self.mode = READ
            self._reader = _Reader(fileobj)
            self._buffer = b''
        elif mode.startswith(('w', 'a', 'x')):
            self.mode = WRITE
            self._deflate = zlib.compressobj(compresslevel, zlib.DEFLATED,
                                             -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
            self._crc = 0
            self._size = 0
            self.fileobj.write(_header(compresslevel, time.time() if mtime is None else mtime,
                                       self._name_field()))
        else:
            raise ValueError(f'Invalid mode: {mode!r}')

    def _name_field(self):
        base = os.path.basename(self.name)
        try:
            field = base if isinstance(base, bytes) else base.encode('latin-1')
        except UnicodeEncodeError:
            return b''
        return field[:-3] if field.endswith(b'.gz') else field

    @property
    def mtime(self):
        """The mtime of the last member header read."""
        return self._reader.mtime

    @property
    def closed(self):
        return self.fileobj is None

    def _check(self, wanted, what):
        if self.fileobj is None:
            raise ValueError(_CLOSED)
        if self.mode != wanted:
            kind = 'read-only' if self.mode == READ else 'write-only'
            raise OSError(errno.EBADF, f'{what}() on {kind} GzipFile object')

    # --- writing ---

    def write(self, data):
        self._check(WRITE, 'write')
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = bytes(data)
            length = len(data)
        if length:
            self.fileobj.write(self._deflate.compress(data))
            self._crc = zlib.crc32(data, self._crc)
            self._size += length
            self._pos += length
        return length

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        if self.fileobj is None:
            raise ValueError(_CLOSED)
        if self.mode == WRITE:
            self.fileobj.write(self._deflate.flush(zlib_mode))
            self.fileobj.flush()

    # --- reading ---

    def _fill(self, size):
        """Buffers at least `size` bytes (everything when size < 0)."""
        parts = [self._buffer]
        have = len(self._buffer)
        while size < 0 or have < size:
            data = self._reader.chunk()
            if not data:
                break
            parts.append(data)
            have += len(data)
        self._buffer = b''.join(parts)

    def _take(self, n):
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        self._pos += len(data)
        return data

    def read(self, size=-1):
        self._check(READ, 'read')
        if size is None or size < 0:
            self._fill(-1)
            return self._take(len(self._buffer))
        self._fill(size)
        return self._take(size)

    def read1(self, size=-1):
        self._check(READ, 'read')
        if not self._buffer:
            self._buffer = self._reader.chunk()
        if size is None or size < 0:
            size = len(self._buffer)
        return self._take(size)

    def peek(self, n):
        self._check(READ, 'peek')
        self._fill(max(n, 1))
        return self._buffer

    def readline(self, size=-1):
        self._check(READ, 'read')
        limit = -1 if size is None else size
        while True:
            end = self._buffer.find(b'\n')
            if end >= 0 and (limit < 0 or end < limit):
                return self._take(end + 1)
            if 0 <= limit <= len(self._buffer):
                return self._take(limit)
            before = len(self._buffer)
            self._fill(before + 1)
            if len(self._buffer) == before:
                return self._take(before)

    def rewind(self):
        """Go back to the start of the data (read mode)."""
        self._check(READ, 'seek')
        self.fileobj.seek(0)
        self._reader = _Reader(self.fileobj)
        self._buffer = b''
        self._pos = 0

    def seek(self, offset, whence=io.SEEK_SET):
        if self.fileobj is None:
            raise ValueError(_CLOSED)
        if whence == io.SEEK_CUR:
            offset += self._pos
        elif whence != io.SEEK_SET:
            raise ValueError('Seek from end not supported')
        if self.mode == WRITE:
            if offset < self._pos:
                raise OSError('Negative seek in write mode')
            self.write(bytes(offset - self._pos))
            return self._pos
        if offset < self._pos:
            self.rewind()
        while self._pos < offset and self.read(min(_CHUNK, offset - self._pos)):
            pass
        return self._pos

    # --- the file protocol ---

    def tell(self):
        if self.fileobj is None:
            raise ValueError(_CLOSED)
        return self._pos

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def fileno(self):
        return self.fileobj.fileno()

    def close(self):
        if self.closed:
            return
        target, self.fileobj = self.fileobj, None
        try:
            if self.mode == WRITE:
                target.write(self._deflate.flush())
                target.write(_le32(self._crc) + _le32(self._size))
        finally:
            owned, self.myfileobj = self.myfileobj, None
            if owned is not None:
                owned.close()

    def __repr__(self):
        return f'<gzip {self.name!r} {hex(id(self))}>'


def open(filename, mode='rb', compresslevel=_LEVEL_BEST, encoding=None, errors=None,
         newline=None):
    """Open a gzip file in binary ('rb', 'wb', 'ab', 'xb') or text ('rt',
    'wt', 'at', 'xt') mode; `filename` is a path or a file object."""
    if 't' in mode:
        if 'b' in mode:
            raise ValueError(f'Invalid mode: {mode!r}')
    else:
        for value, what in ((encoding, 'encoding'), (errors, 'errors'), (newline, 'newline')):
            if value is not None:
                raise ValueError(f"Argument '{what}' not supported in binary mode")
    binary_mode = mode.replace('t', '')
    if isinstance(filename, (str, bytes)) or hasattr(filename, '__fspath__'):
        binary = GzipFile(filename, binary_mode, compresslevel)
    elif hasattr(filename, 'read') or hasattr(filename, 'write'):
        binary = GzipFile(None, binary_mode, compresslevel, filename)
    else:
        raise TypeError('filename must be a str or bytes object, or a file')
    if 't' not in mode:
        return binary
    return io.TextIOWrapper(binary, encoding, errors, newline)


def compress(data, compresslevel=_LEVEL_BEST, *, mtime=None):
    """The gzip file (one member) holding `data`."""
    if mtime == 0:
        # zlib writes the same member itself (its header says OS 3, Unix).
        return zlib.compress(data, compresslevel, 31)
    body = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    trailer = _le32(zlib.crc32(data)) + _le32(len(data))
    return _header(compresslevel, time.time() if mtime is None else mtime) + body + trailer


def decompress(data):
    """The data of every member of the gzip stream `data`, joined."""
    reader = _Reader(io.BytesIO(data), crc_detail=False)
    return b''.join(iter(reader.chunk, b''))
