# A ThreadingHTTPServer on loopback answers http.client requests.
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import http.client

log = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        log.append(format % args)

    def do_GET(self):
        body = ("path=%s ua=%s" % (self.path, self.headers.get("X-Test"))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self):
        self.send_response(204)
        self.end_headers()


with ThreadingHTTPServer(("127.0.0.1", 0), Handler) as server:
    port = server.server_address[1]
    t = threading.Thread(target=server.serve_forever)
    t.start()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/hello?x=1", headers={"X-Test": "yes"})
    r = conn.getresponse()
    print(r.status, r.reason, r.version, r.closed)
    print(r.getheader("content-type"), r.getheader("Missing"), r.getheader("Missing", "dflt"))
    print(r.headers["Content-Length"], type(r.headers).__name__, "Server" in r.headers)
    print(r.read())
    print(r.isclosed(), r.closed, r.read())
    print(sorted(k for k, v in r.getheaders()))
    conn.close()

    conn = http.client.HTTPConnection("127.0.0.1:%d" % port)
    conn.request("HEAD", "/")
    r = conn.getresponse()
    print(r.status, r.reason, r.read(), r.will_close)
    conn.close()
    server.shutdown()
    t.join()
print(log)
