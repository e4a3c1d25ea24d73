# makefile(): buffered binary and text files over a socket.
import socket
import threading

a, b = socket.socketpair()
wf = a.makefile("wb")
rf = b.makefile("rb")
wf.write(b"first line\nsecond line\nno newline")
wf.flush()
print(rf.readline())
print(rf.readline())
print(rf.read(3))
wf.close()
a.close()  # the file held the socket open until now
print(rf.read())
print(rf.read())
rf.close()
b.close()

a, b = socket.socketpair()
out = a.makefile("w", encoding="utf-8")
inp = b.makefile("r", encoding="utf-8")
print(out.mode, inp.mode)


def writer():
    for i in range(5):
        out.write("line %d é\n" % i)
    out.close()
    a.close()


t = threading.Thread(target=writer)
t.start()
for line in inp:
    print(repr(line))
t.join()
inp.close()
b.close()

a, b = socket.socketpair()
with a.makefile("rwb") as f:
    b.sendall(b"request\n")
    print(f.readline())
    f.write(b"response\n")
    f.flush()
    print(b.recv(100))
try:
    f.readline()
except ValueError:
    print("ValueError", f.closed)
try:
    a.makefile("x")
except ValueError as e:
    print("ValueError", e)
a.close()
b.close()
