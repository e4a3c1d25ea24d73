# select.select on sockets, ints and objects with fileno().
import select
import socket
import time

a, b = socket.socketpair()
print(select.select([a, b], [], [], 0))
r, w, x = select.select([a, b], [a, b], [a], 0)
print(r, w == [a, b], x)
b.send(b"x")
r, w, x = select.select([a, b.fileno()], [], [], 1.0)
print(r == [a], w, x)


class Wrapper:
    def __init__(self, sock):
        self.sock = sock

    def fileno(self):
        return self.sock.fileno()


wa = Wrapper(a)
r, _, _ = select.select((wa,), (), ())
print(r[0] is wa)
print(a.recv(10))
t0 = time.monotonic()
print(select.select([a], [], [], 0.05), time.monotonic() - t0 >= 0.04)
b.close()
r, _, _ = select.select([a], [], [], 1)  # end of file is readable
print(r == [a], a.recv(10))
a.close()

for args in [([-1], [], []), (["x"], [], []), ([], [], [], "a"), ([], [], [], -1), (1, [], [])]:
    try:
        select.select(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(select.error is OSError)
