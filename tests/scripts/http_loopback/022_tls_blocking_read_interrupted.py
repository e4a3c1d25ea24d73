# A blocking TLS read on the main thread is interrupted by a signal
# handler's exception (SIGALRM here, as Ctrl-C would be), not stuck in the
# kernel; the socket stays usable afterwards.
import signal
import socket
import ssl
import threading

from tls_helper import make_cert

CERT, KEY = make_cert()
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(CERT, KEY)
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
go_on = threading.Event()


def serve():
    conn, _ = listener.accept()
    tls = server_ctx.wrap_socket(conn, server_side=True)
    go_on.wait()
    tls.sendall(b"late answer")
    tls.recv(10)
    tls.close()


t = threading.Thread(target=serve)
t.start()


class Interrupted(Exception):
    pass


def on_alarm(signum, frame):
    raise Interrupted("alarm during recv")


signal.signal(signal.SIGALRM, on_alarm)
client = ssl.create_default_context(cafile=CERT).wrap_socket(
    socket.create_connection(listener.getsockname()), server_hostname="localhost")
print("blocking:", client.gettimeout())
signal.alarm(1)
try:
    client.recv(100)
except Interrupted as e:
    print("Interrupted", e)
go_on.set()
print(client.recv(100))
client.close()
t.join()
listener.close()
