# select.poll objects.
import select
import socket
import time

a, b = socket.socketpair()
fa, fb = a.fileno(), b.fileno()
p = select.poll()
print(type(p).__name__, type(p).__module__)
p.register(a, select.POLLIN)
p.register(fb, select.POLLOUT)
print(sorted((fd == fa, ev) for fd, ev in p.poll(0)))
b.send(b"data")
print(sorted((fd == fa, ev) for fd, ev in p.poll(100)))
p.modify(b, select.POLLIN)
print([(fd == fa, ev) for fd, ev in p.poll(0)])
print(a.recv(10))
t0 = time.monotonic()
print(p.poll(50), time.monotonic() - t0 >= 0.04)
p.unregister(a)
try:
    p.unregister(a)
except KeyError as e:
    print("KeyError", e.args[0] == fa)
try:
    p.modify(a, select.POLLIN)
except FileNotFoundError as e:
    print("FileNotFoundError", e)
a.close()
p.register(b, select.POLLIN)
print([(fd == fb, ev & select.POLLHUP != 0) for fd, ev in p.poll(1000)])
b.close()
print([ev == select.POLLNVAL for fd, ev in p.poll(0)])
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)
