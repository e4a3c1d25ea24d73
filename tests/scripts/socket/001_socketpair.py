# socketpair: data both ways, recv_into, shutdown and end of file, repr.
import socket

a, b = socket.socketpair()
print(a.family, repr(a.family), b.type, repr(b.type), a.proto)
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
print(a.getsockname(), b.getpeername())
print(repr(a).startswith("<socket.socket fd="), "family=1, type=1, proto=0>" in repr(a))

for msg in [b"ping", b"pong" * 10, b"x" * 100000]:
    a.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += b.recv(65536)
    print(len(got), got == msg)

print(b.send(b"hello"), a.recv(3), a.recv(100))
buf = bytearray(10)
a.send(b"abcdef")
n = b.recv_into(buf)
print(n, buf)
a.send(b"xyz")
print(b.recv_into(buf, 2), buf)
print(b.recv(10))
try:
    b.recv_into(buf, 20)
except ValueError as e:
    print("ValueError", e)
try:
    b.recv(-1)
except ValueError as e:
    print("ValueError", e)
try:
    a.send("text")
except TypeError as e:
    print("TypeError", e)

a.shutdown(socket.SHUT_WR)
print(b.recv(10))
b.sendall(b"still open")
print(a.recv(100))

with a, b:
    print(a.fileno() >= 0)
print(a.fileno(), b.fileno())
print(repr(a).startswith("<socket.socket [closed] fd=-1"))
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
a.close()  # closing twice is fine
print("done")
