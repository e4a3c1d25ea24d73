# urllib.request openers: build_opener with addheaders, a handler of the
# script's own (request and response hooks), install_opener, and the
# redirect limits of HTTPRedirectHandler.
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/hop/"):
            n = int(self.path.split("/")[2])
            self.send_response(302)
            self.send_header("Location", "/hop/%d" % (n - 1) if n > 0 else "/end")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = ("%s|%s|%s" % (self.path, self.headers.get("User-Agent"),
                              self.headers.get("X-Hook"))).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
base = "http://127.0.0.1:%d" % server.server_port

opener = urllib.request.build_opener()
print(type(opener).__name__, opener.addheaders)
opener.addheaders = [("User-agent", "gilt-test/1.0")]
print(opener.open(base + "/one").read())

seen = []


class Hook(urllib.request.BaseHandler):
    def http_request(self, req):
        req.add_header("X-Hook", "added")
        return req

    def http_response(self, req, response):
        seen.append((req.get_method(), response.status))
        return response


opener = urllib.request.build_opener(Hook)
print(opener.open(base + "/two", timeout=10).read(), seen)
urllib.request.install_opener(opener)
print(urllib.request.urlopen(base + "/three").read(), seen[-1])
urllib.request.install_opener(None)
print(urllib.request.urlopen(base + "/four").read())

print(urllib.request.urlopen(base + "/hop/3").read())


class Short(urllib.request.HTTPRedirectHandler):
    max_redirections = 2


try:
    urllib.request.build_opener(Short).open(base + "/hop/3")
except urllib.error.HTTPError as e:
    print("HTTPError", e.code, e.reason.splitlines()[0])
server.shutdown()
t.join()
server.server_close()
