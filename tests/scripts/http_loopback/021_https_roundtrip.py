# HTTPS on loopback: ThreadingHTTPServer behind a TLS listening socket,
# http.client.HTTPSConnection and urllib.request.urlopen as clients, a
# certificate the client does not trust, and a handshake that times out.
import socket
import ssl
import threading
import urllib.error
import urllib.request
import http.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tls_helper import make_cert

CERT, KEY = make_cert()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        body = b"secure %s over %s" % (self.path.encode(), self.connection.version().encode())
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(CERT, KEY)
httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
httpd.socket = server_ctx.wrap_socket(httpd.socket, server_side=True)
port = httpd.server_port
t = threading.Thread(target=httpd.serve_forever, args=(0.05,))
t.start()

client_ctx = ssl.create_default_context(cafile=CERT)
conn = http.client.HTTPSConnection("localhost", port, context=client_ctx, timeout=10)
for path in ["/one", "/two"]:
    conn.request("GET", path)
    r = conn.getresponse()
    print(r.status, r.read(), r.version)
print(type(conn.sock).__name__, conn.sock.getpeercert()["subject"][0])
conn.close()

with urllib.request.urlopen("https://127.0.0.1:%d/urllib" % port, context=client_ctx) as r:
    print(r.status, r.read())

try:
    urllib.request.urlopen("https://localhost:%d/" % port, timeout=10)
except urllib.error.URLError as e:
    print("URLError", type(e.reason).__name__, e.reason.verify_message)
    print(e)

conn = http.client.HTTPSConnection("localhost", port, timeout=10)
try:
    conn.request("GET", "/")
except ssl.SSLCertVerificationError as e:
    print("SSLCertVerificationError", e.verify_code)
conn.close()

unverified = ssl._create_unverified_context()
conn = http.client.HTTPSConnection("127.0.0.1", port, context=unverified)
conn.request("GET", "/unverified")
print(conn.getresponse().read())
conn.close()
httpd.shutdown()
t.join()
httpd.server_close()

# A server that accepts and never answers: the handshake times out.
silent = socket.socket()
silent.bind(("127.0.0.1", 0))
silent.listen(1)
conn = http.client.HTTPSConnection("localhost", silent.getsockname()[1], context=client_ctx,
                                   timeout=0.3)
try:
    conn.request("GET", "/")
except TimeoutError as e:
    print("TimeoutError", e)
conn.close()
silent.close()
