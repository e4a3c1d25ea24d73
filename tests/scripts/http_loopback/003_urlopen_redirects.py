# urllib.request.urlopen against a local server: redirects as CPython
# follows them, HTTPError for error statuses, URLError when nothing listens.
import socket
import threading
import urllib.request
import urllib.error
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

seen = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def reply(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else b""
        seen.append((self.command, self.path, data,
                     self.headers.get("User-Agent"), self.headers.get("Connection"),
                     self.headers.get("Content-Type")))
        if self.path.startswith("/redirect/"):
            n = int(self.path.split("/")[2])
            target = "/redirect/%d" % (n - 1) if n > 1 else "/final"
            self.reply(302, headers=[("Location", target)])
        elif self.path.startswith("/code/"):
            code = int(self.path.split("/")[2])
            self.reply(code, b"moved" if code < 400 else b"error body",
                       [("Location", "/final")] if code < 400 else [("X-Err", "yes")])
        elif self.path == "/loop":
            self.reply(301, headers=[("Location", "/loop")])
        elif self.path == "/absolute":
            self.reply(303, headers=[("Location", "http://127.0.0.1:%d/final" % port)])
        elif self.path == "/noloc":
            self.reply(302, b"no location")
        else:
            self.reply(200, b"final via " + self.command.encode() + b" " + data,
                       [("Content-Type", "text/plain")])

    do_GET = do_POST = do_PUT = do_HEAD = answer


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
port = server.server_port
t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
base = "http://127.0.0.1:%d" % port


def show(*args, **kwargs):
    seen.clear()
    try:
        with urllib.request.urlopen(*args, timeout=10, **kwargs) as r:
            print(r.status, r.reason, r.url.replace(str(port), "PORT"), r.read(),
                  r.getcode(), r.headers.get("Content-Type"))
    except urllib.error.HTTPError as e:
        print("HTTPError", e.code, repr(e.reason), str(e), repr(e),
              e.headers.get("X-Err"), e.read(), isinstance(e, urllib.error.URLError))
    except urllib.error.URLError as e:
        print("URLError", e.reason)
    for entry in seen:
        print("   ", entry)


show(base + "/plain")
show(base + "/redirect/3")
for code in (301, 302, 303, 307, 308):
    show(base + "/code/%d" % code)
    show(base + "/code/%d" % code, data=b"a=1")
show(base + "/absolute")
show(base + "/noloc")
show(base + "/loop")
for code in (400, 404, 418, 500, 503):
    show(base + "/code/%d" % code)
req = urllib.request.Request(base + "/put", data=b"payload", method="PUT",
                             headers={"content-type": "text/x"})
print(req.get_method(), req.type, req.host.replace(str(port), "PORT"), req.selector,
      req.header_items())
show(req)
req = urllib.request.Request(base + "/q?x=1#frag")
print(req.full_url.replace(str(port), "PORT"), req.selector, req.fragment, req.get_method())
show(req)
server.shutdown()
server.server_close()
t.join()

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
free = probe.getsockname()[1]
probe.close()
show("http://127.0.0.1:%d/" % free)
for bad in ["nothing", "ftp2://x/"]:
    try:
        urllib.request.urlopen(bad)
    except (ValueError, urllib.error.URLError) as e:
        print(type(e).__name__, e)
