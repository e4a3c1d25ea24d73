# ssl over a socket pair on loopback: handshake, data both ways, certificate
# facts, non-blocking reads, unwrap, and the verification failures.
import socket
import ssl
import threading

from tls_helper import make_cert

CERT, KEY = make_cert()
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(CERT, KEY)
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(8)
port = listener.getsockname()[1]
server_errors = []


def serve(count):
    for _ in range(count):
        conn, _ = listener.accept()
        try:
            tls = server_ctx.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError) as e:
            server_errors.append("%s: %s" % (type(e).__name__, e))
            conn.close()
            continue
        while True:
            data = tls.recv(4096)
            if not data or data == b"unwrap\n":
                break
            tls.sendall(data.upper())
        if data == b"unwrap\n":
            tls.unwrap().close()
        else:
            tls.close()


t = threading.Thread(target=serve, args=(4,))
t.start()

ctx = ssl.create_default_context(cafile=CERT)
print(ctx.protocol, ctx.verify_mode, ctx.check_hostname, type(ctx).__name__)
raw = socket.create_connection(("127.0.0.1", port))
tls = ctx.wrap_socket(raw, server_hostname="localhost")
print(type(tls).__name__, tls.version(), tls.cipher()[1:], tls.server_hostname, tls.server_side)
cert = tls.getpeercert()
print(cert["subject"], cert["issuer"] == cert["subject"], cert["version"], cert["subjectAltName"])
print(sorted(cert), len(tls.getpeercert(binary_form=True)) > 500)
der = tls.getpeercert(True)
print(ssl.PEM_cert_to_DER_cert(ssl.DER_cert_to_PEM_cert(der)) == der)
tls.sendall(b"hello tls")
print(tls.recv(100))
tls.write(b"via write")
print(tls.read(100))
buf = bytearray(20)
tls.send(b"into")
n = tls.recv_into(buf)
print(n, bytes(buf[:n]), tls.pending())
tls.setblocking(False)
try:
    tls.recv(10)
except ssl.SSLWantReadError as e:
    print("SSLWantReadError", e.args[0], isinstance(e, ssl.SSLError))
tls.setblocking(True)
try:
    tls.recv(10, 1)
except ValueError as e:
    print("ValueError", e)
tls.sendall(b"unwrap\n")
plain = tls.unwrap()
print(type(plain).__name__, plain.recv(10))
plain.close()

for host in ["wrong.example", None]:
    raw = socket.create_connection(("127.0.0.1", port))
    try:
        c = ctx if host else ssl.create_default_context()
        c.wrap_socket(raw, server_hostname=host or "localhost")
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, e.verify_code, e.verify_message, e.reason, e.library)
        print(str(e))
        print(isinstance(e, ssl.SSLError), isinstance(e, ValueError), isinstance(e, OSError),
              ssl.CertificateError is ssl.SSLCertVerificationError)
    raw.close()

unverified = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
unverified.check_hostname = False
unverified.verify_mode = ssl.CERT_NONE
with unverified.wrap_socket(socket.create_connection(("127.0.0.1", port))) as tls:
    print(tls.getpeercert(), tls.version())
    tls.sendall(b"x")
    print(tls.recv(10))
t.join()
listener.close()
for line in sorted(server_errors):
    print("server:", line)

try:
    ctx.verify_mode = ssl.CERT_NONE
except ValueError as e:
    print("ValueError", e)
try:
    ctx.wrap_socket(socket.socket())
except ValueError as e:
    print("ValueError", e)
for args in [("/nonexistent.pem",), (__file__,)]:
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(*args)
    except OSError as e:
        print(type(e).__name__, e.errno if not isinstance(e, ssl.SSLError) else e.args[0])
try:
    ssl.create_default_context(cafile="/nonexistent.pem")
except OSError as e:
    print(type(e).__name__, e)
print(ssl.PROTOCOL_TLS_CLIENT, repr(ssl.CERT_REQUIRED), ssl.TLSVersion.TLSv1_3.value,
      ssl.SSL_ERROR_EOF, ssl.HAS_SNI)
