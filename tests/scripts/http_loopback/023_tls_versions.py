# SSLContext.minimum_version/maximum_version/options, and the TLS version
# two ends agree on (or the alert when they cannot).
import ssl
c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
print(c.minimum_version, c.maximum_version, ssl.OP_NO_COMPRESSION in c.options, ssl.OP_NO_SSLv3 in c.options)
c.minimum_version = ssl.TLSVersion.TLSv1_3
print(repr(c.minimum_version))
c.maximum_version = ssl.TLSVersion.TLSv1_2
print(repr(c.maximum_version))
c.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
print(c.maximum_version)
c.options |= ssl.OP_NO_TLSv1_1
print(ssl.OP_NO_TLSv1_1 in c.options)
c.options &= ~ssl.OP_NO_TLSv1_1
print(ssl.OP_NO_TLSv1_1 in c.options)
import socket
import threading
import warnings

from tls_helper import make_cert

CERT, KEY = make_cert()


def handshake(server_max, client_max, server_min=None):
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(CERT, KEY)
    sctx.maximum_version = server_max
    if server_min is not None:
        sctx.minimum_version = server_min
    cctx = ssl.create_default_context(cafile=CERT)
    cctx.maximum_version = client_max
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    seen = []

    def serve():
        conn, _ = listener.accept()
        try:
            with sctx.wrap_socket(conn, server_side=True) as tls:
                seen.append(tls.version())
                tls.recv(1)
        except ssl.SSLError as e:
            seen.append(e.reason)

    t = threading.Thread(target=serve)
    t.start()
    raw = socket.create_connection(listener.getsockname())
    try:
        with cctx.wrap_socket(raw, server_hostname="localhost") as tls:
            print("client", tls.version(), tls.cipher()[1])
    except ssl.SSLError as e:
        print("client", type(e).__name__, e.reason)
    raw.close()
    t.join()
    listener.close()
    print("server", seen)


handshake(ssl.TLSVersion.MAXIMUM_SUPPORTED, ssl.TLSVersion.TLSv1_2)
handshake(ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.MAXIMUM_SUPPORTED)
handshake(ssl.TLSVersion.MAXIMUM_SUPPORTED, ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3)
