# Reading a socket file to EOF gathers the chunks in a growing buffer: a few
# MB must come back intact (the buffer used to be rebuilt on every recv,
# which made read() quadratic), and sized reads and readline still split it.
import socket
import threading

N = 4 * 2**20
payload = b"".join(b"line %d\n" % i for i in range(N // 8))
a, b = socket.socketpair()


def send():
    b.sendall(payload)
    b.close()


t = threading.Thread(target=send)
t.start()
f = a.makefile("rb")
first = f.readline()
chunk = f.read(10)
part = f.read1(5)
rest = f.read()
t.join()
print(first, chunk, len(part))
print(len(first) + len(chunk) + len(part) + len(rest) == len(payload))
print(first + chunk + part + rest == payload)
print(f.read(), f.readline())
f.close()
a.close()
