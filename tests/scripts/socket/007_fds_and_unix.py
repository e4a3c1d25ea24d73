# Descriptors: fileno, detach, dup, fromfd; AF_UNIX in the abstract namespace.
import os
import socket

a, b = socket.socketpair()
d = a.dup()
print(d.fileno() != a.fileno(), d.family == a.family, d.type == a.type)
d.sendall(b"via dup")
print(b.recv(100))
d.close()
fd = b.detach()
print(b.fileno(), isinstance(fd, int))
c = socket.socket(fileno=fd)
print(c.family == socket.AF_UNIX, c.type == socket.SOCK_STREAM, c.proto)
a.sendall(b"after detach")
print(c.recv(100))
f = socket.fromfd(c.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
a.sendall(b"fromfd")
print(f.recv(100))
for s in (a, c, f):
    s.close()

name = b"\0gilt-socket-test-%d" % os.getpid()
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(name)
print(srv.getsockname() == name)
srv.listen(1)
cl = socket.socket(socket.AF_UNIX)
cl.connect(name)
conn, addr = srv.accept()
print(repr(addr), cl.getpeername() == name)
cl.sendall(b"unix")
print(conn.recv(10))
for s in (cl, conn, srv):
    s.close()
try:
    socket.socket(socket.AF_UNIX).connect(1)
except TypeError as e:
    print("TypeError", e)
