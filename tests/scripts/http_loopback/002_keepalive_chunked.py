# HTTP/1.1 keep-alive: several requests over one connection, with
# Content-Length, chunked and read(n)/readline bodies.
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
import http.client

connections = set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        connections.add(self.client_address)
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in [b"first line\n", b"second ", b"line\nthird\n", b"x" * 3000]:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        body = b"line one\nline two\nline three\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers["Content-Length"] or 0)
        if self.headers.get("Transfer-Encoding") == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
        else:
            data = self.rfile.read(length)
        reply = b"got " + data.upper()
        self.send_response(201, "Made")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


server = HTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
conn = http.client.HTTPConnection("127.0.0.1", server.server_port)

conn.request("GET", "/")
r = conn.getresponse()
print(r.status, r.version, r.will_close, r.chunked, r.length)
print(r.read(4), r.read(5), r.readline(), r.readline(), r.read(100), r.read())
print(r.isclosed())

conn.request("GET", "/chunked")
r = conn.getresponse()
print(r.status, r.chunked, r.length)
print(r.readline(), r.read(3), r.readline())
rest = r.read()
print(len(rest), rest[:7], r.isclosed())

conn.request("POST", "/post", body=b"hello")
r = conn.getresponse()
print(r.status, r.reason, r.read())

conn.request("POST", "/post", body="text body")
r = conn.getresponse()
print(r.status, r.read())

conn.request("POST", "/post", body=iter([b"chunk1-", b"chunk2"]))
r = conn.getresponse()
print(r.status, r.read())

conn.request("POST", "/post")
r = conn.getresponse()
print(r.status, r.read())

with open(__file__, "rb") as f:
    conn.request("POST", "/post", body=f)
r = conn.getresponse()
print(r.status, len(r.read()) > 100)

print("connections used:", len(connections))
conn.close()
server.shutdown()
server.server_close()
t.join()
