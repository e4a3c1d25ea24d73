# golden-needs: requests
# A Session reuses its keep-alive connection; module-level calls do not.
# Threads may share one Session. (Real requests under python3, gilt's own
# under gilt: the counts must agree.)
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

ports = []
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        with lock:
            ports.append(self.client_address[1])
        body = ("hello %s" % urllib.parse.unquote(self.path)).encode()
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
base = "http://127.0.0.1:%d" % server.server_port

with requests.Session() as s:
    texts = [s.get(base + "/s%d" % i).text for i in range(5)]
    texts.append(s.get(base + "/chunked").text)
    texts.append(s.get(base + "/after-chunked").text)
print(texts, "connections:", len(set(ports)))

ports.clear()
for i in range(4):
    requests.get(base + "/plain%d" % i)
print("connections without a session:", len(set(ports)))

ports.clear()
with requests.Session() as s, ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(lambda i: s.get(base + "/t%d" % i).text, range(20)))
print(results[:3], len(results), "at most 10 connections:", 1 <= len(set(ports)) <= 10)
r = requests.get(base + "/enc")
print(r.encoding, r.text)
r = requests.get(base + "/enc/\u00e9\u2713", stream=True)
pieces = list(r.iter_content(4, decode_unicode=True))
print(type(pieces[0]).__name__, "".join(pieces))
server.shutdown()
t.join()
server.server_close()
