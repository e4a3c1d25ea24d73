# What http.server answers to malformed requests, unknown methods and
# send_error, read from a raw socket; and the log lines it writes.
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

logged = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        logged.append(format % args)

    def do_GET(self):
        if self.path == "/missing":
            self.send_error(404)
        elif self.path == "/custom":
            self.send_error(403, "No <entry>", "Because & reasons")
        elif self.path == "/boom":
            raise RuntimeError("handler failed")
        else:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")


class Server(HTTPServer):
    def handle_error(self, request, client_address):
        logged.append("handle_error called")


server = Server(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
t.start()


def raw(request):
    s = socket.create_connection(("127.0.0.1", server.server_port))
    s.sendall(request)
    data = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    keep = [l for l in lines if not l.startswith((b"Date:", b"Server:"))]
    print(keep)
    print(body.decode())


raw(b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n")
raw(b"GET /custom HTTP/1.0\r\n\r\n")
raw(b"HEAD /missing HTTP/1.0\r\n\r\n")
raw(b"BREW /pot HTTP/1.0\r\n\r\n")
raw(b"GET / HTTP/9.9\r\n\r\n")
raw(b"GET / FTP/1.0\r\n\r\n")
raw(b"GET / HTTP/1.0 extra\r\n\r\n")
raw(b"POST /x\r\n\r\n")
raw(b"GET /\r\n\r\n")
raw(b"GET / HTTP/1.0\r\n" + b"X: y\r\n" * 101 + b"\r\n")
raw(b"GET /boom HTTP/1.0\r\n\r\n")
raw(b"GET //double/slash HTTP/1.0\r\n\r\n")
raw(b"\r\n")
server.shutdown()
server.server_close()
t.join()
for line in logged:
    print(line)
