# Errors: refused connections, bad addresses, name resolution.
import socket

# A port nobody listens on: bind one, note it, close it.
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()

try:
    socket.create_connection(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e.errno == 111, e.strerror)
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)) == 111)
c.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, isinstance(e, ConnectionError))
c.close()

c = socket.socket()
for addr in ["127.0.0.1", ("127.0.0.1", 70000), ("127.0.0.1", -1), ("127.0.0.1", "80"), (1, 2), ("127.0.0.1",)]:
    try:
        c.connect(addr)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    c.bind(("127.0.0.1", 99999))
except OverflowError as e:
    print("OverflowError", e)
c.close()

print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__module__, socket.gaierror.__name__)
try:
    socket.getaddrinfo("not-a-number", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", e.errno == socket.EAI_NONAME, e)
print(socket.error is OSError)

# Using a socket after close.
s = socket.socket()
s.close()
for call in (lambda: s.send(b"x"), lambda: s.getsockname(), lambda: s.listen()):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e)

# Connecting twice, listening on a connected socket.
a, b = socket.socketpair()
try:
    a.connect("somewhere")
except OSError as e:
    print(type(e).__name__, e.errno)
a.close()
b.close()
