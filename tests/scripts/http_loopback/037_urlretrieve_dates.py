# urllib.request.urlretrieve with a report hook, and the RFC 2822 dates
# http.server writes (email.utils).
import os
import tempfile
import threading
import urllib.request
from email.utils import formatdate, parsedate, parsedate_tz, mktime_tz
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAYLOAD = bytes(range(256)) * 100


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(PAYLOAD)))
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()
        self.wfile.write(PAYLOAD)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
calls = []
target = os.path.join(tempfile.mkdtemp(), "out.bin")
name, headers = urllib.request.urlretrieve(
    "http://127.0.0.1:%d/file.bin" % server.server_port, target,
    lambda n, size, total: calls.append((n, size, total)))
print(name == target, headers["Content-Length"], open(name, "rb").read() == PAYLOAD)
print(calls[:2], calls[-1], len(calls))
tmp, headers = urllib.request.urlretrieve("http://127.0.0.1:%d/x.bin" % server.server_port)
print(tmp.endswith(".bin"), os.path.getsize(tmp))
urllib.request.urlcleanup()
print(os.path.exists(tmp))
server.shutdown()
t.join()
server.server_close()

for stamp in [0, 1e9, 1700000000.5, 951782400]:
    print(formatdate(stamp, usegmt=True), formatdate(stamp))
text = "Mon, 07 Dec 2026 12:36:02 GMT"
print(parsedate(text)[:6], parsedate_tz(text)[9], mktime_tz(parsedate_tz(text)))
print(mktime_tz(parsedate_tz("Tue, 29 Feb 2000 23:59:59 +0130")))
