# Sockets and files take any bytes-like object: send/sendall/sendto and
# file.write accept memoryviews and arrays, recv_into fills a memoryview
# or an array in place.
import array
import os
import socket


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


a, b = socket.socketpair()
print(a.send(memoryview(b"hello world")[:5]), b.recv(10))
a.sendall(memoryview(b"abcdef")[2:])
print(b.recv(10))
a.sendall(array.array("B", [65, 66, 67]))
print(b.recv(10))
a.sendall(b"0123456789")
target = bytearray(10)
view = memoryview(target)
print(b.recv_into(view[2:], 4), target)
arr = array.array("b", [0] * 6)
print(b.recv_into(arr), arr)
show("recv_into bytes", lambda: b.recv_into(b"xxxx"))
show("recv_into readonly view", lambda: b.recv_into(memoryview(b"xxxx")))
show("send str", lambda: a.send("text"))
show("send strided", lambda: a.send(memoryview(b"abcd")[::2]))
a.close()
b.close()
path = "/tmp/memoryview_007_io_%d.bin" % os.getpid()
try:
    with open(path, "wb") as f:
        print(f.write(memoryview(b"xyz")[1:]), f.write(array.array("B", [33])), f.write(bytearray(b"!")))
    with open(path, "rb") as f:
        print(f.read())
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    print(os.write(fd, memoryview(b"tail")))
    os.close(fd)
    with open(path, "rb") as f:
        print(f.read())
finally:
    os.unlink(path)
