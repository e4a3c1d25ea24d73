# The convoy effect: a CPU-bound thread runs beside an I/O-bound one doing
# socketpair echo round trips. Each time the I/O thread blocks it gives up the
# GIL, and when its data arrives it must get the GIL back from the CPU thread,
# which under CPython can take a whole switch interval (5 ms). The time of the
# whole run is the measurement; only the round-trip count is printed.
import socket
import threading

ROUNDS = 300
a, b = socket.socketpair()
stop = False


def echo():
    while True:
        data = b.recv(64)
        if not data:
            break
        b.sendall(data)


def spin():
    x = 0
    while not stop:
        x = (x * 31 + 7) % 1000003


e = threading.Thread(target=echo)
c = threading.Thread(target=spin)
e.start()
c.start()
done = 0
for i in range(ROUNDS):
    a.sendall(b"ping")
    if a.recv(64) == b"ping":
        done += 1
stop = True
a.close()
c.join()
e.join()
b.close()
print(done)
