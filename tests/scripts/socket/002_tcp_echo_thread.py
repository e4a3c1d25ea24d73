# A TCP echo server in a thread on 127.0.0.1, several clients in turn.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))
host, port = srv.getsockname()
print(host, type(port).__name__, port > 0)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
peers = []


def serve(nclients):
    for _ in range(nclients):
        conn, addr = srv.accept()
        peers.append(addr)
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())


t = threading.Thread(target=serve, args=(3,))
t.start()

for i in range(3):
    with socket.create_connection(("127.0.0.1", port)) as c:
        print(c.getpeername() == ("127.0.0.1", port))
        for word in [b"alpha", b"beta %d" % i]:
            c.sendall(word)
            print(c.recv(100))
        local = c.getsockname()
        c.shutdown(socket.SHUT_WR)
        print(c.recv(100))
    # the thread appended the address of the connection it accepted
t.join()
print(len(peers), all(p[0] == "127.0.0.1" for p in peers))

# socket() + connect() + accept in the main thread (the kernel completes the
# handshake before accept).
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.connect(("127.0.0.1", port))
conn, addr = srv.accept()
print(addr == c.getsockname(), conn.getpeername() == c.getsockname())
print(repr(conn).count("laddr=('127.0.0.1',"), repr(conn).count("raddr=('127.0.0.1',"))
c.sendall(b"direct")
print(conn.recv(100))
conn.close()
print(c.recv(100))
c.close()
srv.close()
