# AddressFamily / SocketKind names, the socket repr, properties, dup,
# fromfd, detach, pickling refused, the context manager.
import os
import socket

print(repr(socket.AF_INET), str(socket.AF_INET), socket.AF_INET.name, socket.AF_INET.value)
print(repr(socket.AF_UNIX), repr(socket.SOCK_STREAM), repr(socket.SOCK_DGRAM), socket.SOCK_STREAM + 1)
print(type(socket.AF_INET6).__name__, isinstance(socket.SOCK_STREAM, int), socket.AF_INET == 2)
print(repr(socket.SOCK_NONBLOCK), repr(socket.SOCK_CLOEXEC))
print(repr(socket.AddressFamily(2)), socket.SocketKind(2).name)
try:
    socket.AddressFamily(9999)
except ValueError as e:
    print("ValueError", e)
print(socket.SocketType is socket._socket.socket, issubclass(socket.socket, socket.SocketType))
print(socket.error is OSError, socket.timeout is TimeoutError, "socketpair" in socket.__all__, "AF_INET" in socket.__all__)

a, b = socket.socketpair()
print(repr(a.family), repr(a.type), a.proto, type(a).__name__)
r = repr(a).replace("fd=%d" % a.fileno(), "fd=N")
print(r.startswith("<socket.socket fd=N, family=1, type=1, proto=0"), r.endswith(">"))
c = a.dup()
print(c.fileno() != a.fileno(), repr(c.family), c.gettimeout())
a.settimeout(2.5)
d = a.dup()
print(d.gettimeout(), type(d).__name__)
e = socket.fromfd(b.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(e.fileno() != b.fileno(), repr(e.type))
e.send(b"via fromfd")
print(a.recv(100))
for s in (c, d, e):
    s.close()
print(repr(c))
try:
    import copy
    copy.copy(a)
except TypeError as err:
    print("TypeError", err)
fd = b.detach()
print(b.fileno(), fd >= 0)
os.close(fd)
with a:
    print(a.fileno() >= 0)
print(a.fileno(), "[closed]" in repr(a))
a.close()
