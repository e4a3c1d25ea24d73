# os.pipe with select and poll; os.set_blocking / get_blocking.
import os
import select
import threading

r, w = os.pipe()
print(os.get_blocking(r), os.get_blocking(w))
print(select.select([r], [w], [], 0)[0:2] == ([], [w]))
os.write(w, b"abc")
print(select.select([r], [], [], 0)[0] == [r])
print(os.read(r, 10))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.set_blocking(r, True)

p = select.poll()
p.register(r, select.POLLIN)


def later():
    os.write(w, b"from thread")


t = threading.Timer(0.05, later)
t.start()
events = p.poll(2000)  # waits without the GIL while the timer thread runs
print([(fd == r, ev) for fd, ev in events])
print(os.read(r, 100))
t.join()
os.close(w)
print([(fd == r, ev & select.POLLHUP != 0) for fd, ev in p.poll(1000)])
print(os.read(r, 10))
os.close(r)
print(len(os.urandom(16)), os.getppid() > 0)
