# golden-needs: requests
# Cookies: a response's Set-Cookie headers, cookies= on a request, and a
# Session that keeps them (across a redirect too).
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = repr(self.headers.get("Cookie")).encode()
        if self.path == "/login":
            self.send_response(302)
            self.send_header("Location", "/home")
            self.send_header("Set-Cookie", "session=abc123; Path=/; HttpOnly")
        else:
            self.send_response(200)
        if self.path == "/set":
            self.send_header("Set-Cookie", "a=1; Path=/")
            self.send_header("Set-Cookie", "b=two; HttpOnly")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
base = "http://127.0.0.1:%d" % server.server_port

r = requests.get(base + "/set")
print(r.text, dict(r.cookies), r.cookies.get("a"), r.cookies["b"], type(r.cookies).__name__)
print(requests.get(base + "/x", cookies={"k": "v", "z": "1"}).text)
with requests.Session() as s:
    s.get(base + "/set")
    print(dict(s.cookies), s.get(base + "/x").text)
    print(s.get(base + "/x", cookies={"c": "3"}).text)
    s.cookies.set("m", "n")
    print(s.get(base + "/x").text, s.cookies["a"], s.cookies.get_dict()["m"])
with requests.Session() as s:
    r = s.get(base + "/login")
    print(r.status_code, r.text, [h.status_code for h in r.history], dict(s.cookies))
server.shutdown()
t.join()
server.server_close()
