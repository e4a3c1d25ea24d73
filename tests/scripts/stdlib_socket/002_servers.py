# create_server / create_connection / accept over loopback, and their errors.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))
print(repr(srv.family), repr(srv.type), srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
port = srv.getsockname()[1]


def serve():
    conn, peer = srv.accept()
    with conn:
        print("server got", conn.recv(100), peer[0], type(conn).__name__, conn.gettimeout())
        conn.sendall(b"pong")


t = threading.Thread(target=serve)
t.start()
cli = socket.create_connection(("127.0.0.1", port), timeout=5)
print(cli.gettimeout(), cli.getpeername() == ("127.0.0.1", port))
cli.sendall(b"ping")
t.join()
print(cli.recv(100))
cli.close()

srv.settimeout(3)
t = threading.Thread(target=lambda: socket.create_connection(("127.0.0.1", port)).close())
t.start()
conn, _ = srv.accept()
print("accepted with timeout on listener:", conn.gettimeout(), conn.getblocking())
conn.close()
t.join()

try:
    socket.create_server(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno, "while attempting to bind on address ('127.0.0.1', %d)" % port in str(e))
srv.close()
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    socket.create_server(("127.0.0.1", 0), family=socket.AF_INET, dualstack_ipv6=True)
except ValueError as e:
    print("ValueError", e)
print(type(socket.has_dualstack_ipv6()).__name__)
srv2 = socket.create_server(("127.0.0.1", 0), backlog=3, reuse_port=True)
print(srv2.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0)
srv2.close()
info = socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)
print(info)
print(socket.getfqdn("  example.invalid "))
