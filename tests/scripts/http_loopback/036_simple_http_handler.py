# SimpleHTTPRequestHandler over a directory made here: listings, files and
# their types, the slash redirect, 404s, HEAD, and '..' kept inside.
import functools
import http.client
import os
import tempfile
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

root = tempfile.mkdtemp()
os.mkdir(os.path.join(root, "sub"))
os.mkdir(os.path.join(root, "site"))
for name, data in [("a.txt", b"hello\n"), ("b&c.html", b"<b>x</b>\n"), ("sub/d.json", b"{}\n"),
                   ("site/index.html", b"<h1>index</h1>\n"), ("Z.bin", bytes(range(5))),
                   ("image.PNG", b"\x89PNG"), ("space name.css", b"p{}")]:
    with open(os.path.join(root, name), "wb") as f:
        f.write(data)
os.symlink("a.txt", os.path.join(root, "link.txt"))


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
base = "http://127.0.0.1:%d" % server.server_port

for path in ["/", "/sub/", "/a.txt", "/sub/d.json", "/b%26c.html", "/site/", "/Z.bin",
             "/image.PNG", "/space%20name.css", "/sub/../a.txt", "/link.txt", "/?q=1"]:
    with urllib.request.urlopen(base + path) as r:
        print(path, r.status, r.headers["Content-Type"], r.headers["Content-Length"],
              r.headers["Last-Modified"] is not None)
        print(r.read().decode("latin-1"))
for path in ["/sub", "/sub?x=1", "/nope", "/a.txt/", "/../../etc/passwd"]:
    c = http.client.HTTPConnection("127.0.0.1", server.server_port)
    c.request("GET", path)
    r = c.getresponse()
    print(path, r.status, r.reason, r.getheader("Location"), len(r.read()))
    c.close()
c = http.client.HTTPConnection("127.0.0.1", server.server_port)
c.request("HEAD", "/a.txt")
r = c.getresponse()
print("HEAD", r.status, r.getheader("Content-Length"), r.read())
server.shutdown()
t.join()
server.server_close()
