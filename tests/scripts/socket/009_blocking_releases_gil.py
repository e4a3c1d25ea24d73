# A thread blocked in recv() or accept() does not hold the GIL: the main
# thread keeps running and then wakes it.
import socket
import threading

a, b = socket.socketpair()
got = []


def reader():
    got.append(b.recv(100))


t = threading.Thread(target=reader)
t.start()
total = 0
for i in range(200000):  # runs while the reader waits
    total += i
a.sendall(b"wake up")
t.join()
print(total, got)

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
accepted = []


def acceptor():
    conn, _ = srv.accept()
    accepted.append(conn.recv(10))
    conn.close()


t = threading.Thread(target=acceptor)
t.start()
total = sum(range(100000))
c = socket.create_connection(("127.0.0.1", port))
c.sendall(b"hi")
t.join()
print(total, accepted)
c.close()
srv.close()

# Many threads each waiting in recv, released in turn.
pairs = [socket.socketpair() for _ in range(8)]
results = [None] * 8


def wait_on(i):
    results[i] = pairs[i][1].recv(10)


threads = [threading.Thread(target=wait_on, args=(i,)) for i in range(8)]
for th in threads:
    th.start()
for i in reversed(range(8)):
    pairs[i][0].sendall(b"t%d" % i)
for th in threads:
    th.join()
print(results)
for x, y in pairs:
    x.close()
    y.close()
