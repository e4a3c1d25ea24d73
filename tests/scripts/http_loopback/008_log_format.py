# The default log_message line on stderr, with the date masked, and the
# escaping of control characters in logged request lines.
import io
import re
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()


captured = io.StringIO()
real_stderr, sys.stderr = sys.stderr, captured
server = HTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
for request in [b"GET /index HTTP/1.0\r\n\r\n", b"GET /\x1b[31mred HTTP/1.0\r\n\r\n",
                b"PUT /x HTTP/1.0\r\n\r\n"]:
    s = socket.create_connection(server.server_address)
    s.sendall(request)
    print(s.recv(12))
    while s.recv(1000):
        pass
    s.close()
server.shutdown()
t.join()
server.server_close()
sys.stderr = real_stderr
for line in captured.getvalue().splitlines():
    print(re.sub(r"\[\d\d/\w\w\w/\d{4} \d\d:\d\d:\d\d\]", "[DATE]", line))
