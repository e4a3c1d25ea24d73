# Baseline for threads_convoy: the same socketpair echo round trips with no
# CPU-bound thread beside them. compare --threads divides the convoy time by
# this one to show how much the CPU thread slows the I/O thread.
import socket
import threading

ROUNDS = 300
a, b = socket.socketpair()


def echo():
    while True:
        data = b.recv(64)
        if not data:
            break
        b.sendall(data)


e = threading.Thread(target=echo)
e.start()
done = 0
for i in range(ROUNDS):
    a.sendall(b"ping")
    if a.recv(64) == b"ping":
        done += 1
a.close()
e.join()
b.close()
print(done)
