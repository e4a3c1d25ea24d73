# io.TextIOWrapper over buffered objects: BytesIO, a class written in Python
# (read/write/seek/tell/close), gzip files (gzip.open's text mode is one),
# a socket's makefile('rb'); newline translation, encodings, errors.
import io, gzip, os, tempfile
b = io.BytesIO("héllo\r\nwörld\rlast".encode("utf-8"))
t = io.TextIOWrapper(b, encoding="utf-8")
print(repr(t.readline()), repr(t.read()), t.encoding, t.errors, t.buffer is b)
b = io.BytesIO(b"a\r\nb\n")
t = io.TextIOWrapper(b, newline="")
print(list(t))
out = io.BytesIO()
t = io.TextIOWrapper(out, encoding="latin-1", newline="\r\n")
t.write("x\ny é\n")
t.flush()
print(out.getvalue())
t.close()
print(out.closed, t.closed)

class Raw:
    def __init__(self, data):
        self.data, self.pos, self.closed, self.log = data, 0, False, []
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return True
    def read(self, n=-1):
        self.log.append(("read", n))
        n = len(self.data) - self.pos if n is None or n < 0 else n
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk
    def write(self, b):
        self.data += bytes(b); return len(b)
    def flush(self): pass
    def tell(self): return self.pos
    def seek(self, p, w=0):
        self.pos = p if w == 0 else self.pos + p if w == 1 else len(self.data) + p
        return self.pos
    def close(self): self.closed = True
r = Raw(b"one\ntwo\nthree\n")
t = io.TextIOWrapper(r, encoding="ascii")
print(t.readline(), end="")
print(t.tell())
print(t.read(), t.seekable(), r.log[0][0])
t.seek(0)
print(t.readline().strip())
t.close()
print(r.closed)
d = tempfile.mkdtemp()
p = os.path.join(d, "x.gz")
with gzip.open(p, "wt", encoding="utf-8") as g:
    g.write("alpha\nbeta\n")
with gzip.open(p, "rt") as g:
    print(type(g).__name__, g.readline(), g.read().split())
with gzip.open(p, "rb") as g:
    t = io.TextIOWrapper(g, encoding="utf-8")
    print([line.rstrip() for line in t])
try:
    io.TextIOWrapper(io.BytesIO(), encoding="nope")
except LookupError as e:
    print("LookupError", e)
try:
    io.TextIOWrapper(io.BytesIO(), newline="x")
except ValueError as e:
    print("ValueError", e)
import socket
a, b = socket.socketpair()
a.sendall("first line\nsecond é\n".encode("utf-8"))
a.close()
t = io.TextIOWrapper(b.makefile("rb"), encoding="utf-8")
print(t.readline(), end="")
print(t.read(), end="")
t.close()
b.close()
bad = io.TextIOWrapper(io.BytesIO(b"ok \xff end"), encoding="ascii", errors="replace")
print(bad.read())
strict = io.TextIOWrapper(io.BytesIO(b"\xff"), encoding="utf-8")
try:
    strict.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
lb = io.BytesIO()
w = io.TextIOWrapper(lb, line_buffering=True)
w.write("no newline yet")
print(lb.getvalue(), w.line_buffering)
w.write(" now\n")
print(lb.getvalue())
