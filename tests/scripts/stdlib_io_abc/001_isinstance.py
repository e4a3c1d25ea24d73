# io's ABCs: the streams gilt makes are instances of io.IOBase and of the
# one of BufferedIOBase / TextIOBase their kind belongs to; issubclass agrees;
# a Python-written stream derives from them as usual.
import io
import socket

BASES = (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase)

a, b = socket.socketpair()
objs = {
    "BytesIO": io.BytesIO(),
    "StringIO": io.StringIO(),
    "open_r": open(__file__),
    "open_rb": open(__file__, "rb"),
    "TextIOWrapper": io.TextIOWrapper(io.BytesIO()),
    "makefile_rb": a.makefile("rb"),
    "makefile_r": a.makefile("r"),
    "makefile_w": a.makefile("w"),
}
for name, o in objs.items():
    print(name, [isinstance(o, c) for c in BASES])
for c in (io.BytesIO, io.StringIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom,
          io.TextIOWrapper):
    print(c.__name__, [issubclass(c, k) for k in BASES])
print([issubclass(k, io.IOBase) for k in BASES])
print(isinstance(3, io.IOBase), isinstance("x", io.TextIOBase))


class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def writable(self):
        return True

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)


u = Upper()
print(isinstance(u, io.TextIOBase), isinstance(u, io.BufferedIOBase), isinstance(u, Upper))
print(isinstance(objs["makefile_r"], Upper))
u.writelines(["a", "b"])
print(u.parts)
with u:
    pass
print(u.closed)
for o in objs.values():
    o.close()
a.close()
b.close()
