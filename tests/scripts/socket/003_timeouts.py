# Timeouts, blocking and non-blocking modes.
import socket
import time

print(socket.timeout is TimeoutError, issubclass(socket.timeout, OSError))
print(socket.getdefaulttimeout())
a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking())
t0 = time.monotonic()
try:
    a.recv(10)
except socket.timeout as e:
    print("timeout:", type(e).__name__, e, time.monotonic() - t0 >= 0.04)
try:
    a.recv(10)
except TimeoutError as e:
    print("TimeoutError", e.args)

a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
b.send(b"ready")
time.sleep(0.01)
print(a.recv(10))
a.setblocking(True)
print(a.gettimeout(), a.getblocking())
a.settimeout(None)
print(a.gettimeout())
b.send(b"x")
print(a.recv(1))

for bad in [-1, -0.5]:
    try:
        a.settimeout(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    a.settimeout("1")
except TypeError as e:
    print("TypeError", e)

# accept() times out too.
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", e)

# The default timeout applies to new sockets.
socket.setdefaulttimeout(0.25)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
s = socket.socket()
print(s.gettimeout())
s.close()

# A socket with a timeout still receives data that arrives in time.
a.settimeout(2.0)
b.send(b"in time")
print(a.recv(100))
for s in (a, b, srv):
    s.close()
