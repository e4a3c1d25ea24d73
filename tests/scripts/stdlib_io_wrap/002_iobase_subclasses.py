# io.IOBase / RawIOBase / BufferedIOBase / TextIOBase subclassed in Python:
# the mixin methods (read over readinto, readinto over read, readline,
# iteration, readlines, writelines, close and the context manager) and
# the unsupported operations; gzip.GzipFile is a BufferedIOBase.
import io

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data, self.pos = data, 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = Raw(b"line one\nline two\nlast")
print(r.read(4), r.readline(), r.readlines(), r.read(), r.readall())
r = Raw(b"a\nb\n")
print(list(r), r.closed, r.readable(), r.writable(), r.seekable(), r.isatty())
with Raw(b"xyz") as r:
    print(r.read())
print(r.closed)
try:
    r.read()
except ValueError as e:
    print("ValueError", e)
for call in (lambda: r.tell(), lambda: Raw(b"").fileno(), lambda: Raw(b"").seek(0),
             lambda: Raw(b"").truncate(), lambda: Raw(b"").write(b"x")):
    try:
        call()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    except NotImplementedError as e:
        print("NotImplementedError", e)
    except ValueError as e:
        print("ValueError", e)

class Buf(io.BufferedIOBase):
    def __init__(self, data):
        self.data = data
        self.flushed = 0
    def readable(self):
        return True
    def read(self, size=-1):
        if size is None or size < 0:
            size = len(self.data)
        out, self.data = self.data[:size], self.data[size:]
        return out
    read1 = read
    def flush(self):
        self.flushed += 1
        super().flush()

b = Buf(b"hello world\nsecond\n")
buf = bytearray(5)
print(b.readinto(buf), buf, b.read1(3), b.readline(), list(b))
b.close()
print(b.closed, b.flushed)
b.close()
print(b.flushed)
t = io.TextIOWrapper(Buf("wrapped é\ntext\n".encode()), encoding="utf-8")
print(t.readlines())

class Words(io.TextIOBase):
    def __init__(self):
        self.out = []
    def writable(self):
        return True
    def write(self, s):
        self.out.append(s)
        return len(s)

w = Words()
w.writelines(["a", "b", "c"])
print(w.out, w.encoding, w.newlines, w.errors)
try:
    io.BufferedIOBase().read1()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
print(issubclass(io.RawIOBase, io.IOBase), issubclass(io.BufferedIOBase, io.IOBase),
      issubclass(io.TextIOBase, io.IOBase))
import gzip
g = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b"x\ny\n")))
print(isinstance(g, io.BufferedIOBase), g.readlines(), g.readlines())
g.close()
print(g.closed)
