"""A local stand-in for httpbin.org, for gilt's samples, tests and benches.

    gilt -m httpbin [--host H] [--port N] [--tls] [--cert F --key F] [--quiet]

Serves, like httpbin.org: /get, /post, /put, /patch, /delete, /anything,
/delay/N (answers after N seconds, at most 10), /status/N (or N,M,... for
a random choice), /bytes/N (N random bytes; ?seed=), /image/png (a PNG,
?width=&height=), /headers, /ip, /user-agent, /json, /html (a page
standing in for example.com), /stream/N (N JSON
lines, chunked), /redirect/N, /redirect-to?url=, /uuid.

It is a ThreadingHTTPServer speaking HTTP/1.1 with keep-alive, one thread
per connection, with a listen backlog large enough for hundreds of clients
connecting at once. With --tls it serves HTTPS with a self-signed
certificate for localhost and 127.0.0.1 (made with the openssl command when
there is one, else a fixed test certificate) and prints how to trust it.
"""

import json
import os
import random
import socket
import struct
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

__all__ = ["HttpbinHandler", "HttpbinServer", "make_server", "serve_in_thread", "main"]

MAX_DELAY = 10
MAX_BYTES = 100 * 1024 * 1024

PAGE = """<!doctype html>
<html>
<head>
    <title>Example Domain</title>
    <meta charset="utf-8" />
</head>
<body>
<div>
    <h1>Example Domain</h1>
    <p>A page served by gilt's local httpbin in place of example.com, so that
    programs that fetch a web page have one to fetch without the network.</p>
</div>
</body>
</html>
"""

SLIDESHOW = {
    "slideshow": {
        "author": "Yours Truly",
        "date": "date of publication",
        "slides": [
            {"title": "Wake up to WonderWidgets!", "type": "all"},
            {"items": ["Why <em>WonderWidgets</em> are great",
                       "Who <em>buys</em> WonderWidgets"],
             "title": "Overview", "type": "all"},
        ],
        "title": "Sample Slide Show",
    }
}


# ---------------------------------------------------------------- PNG

def _png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def make_png(width=256, height=256):
    """An RGB gradient as PNG bytes (no compression library beyond zlib)."""
    rows = []
    for y in range(height):
        g = (y * 255 // max(height - 1, 1))
        row = bytearray(b"\x00")  # filter type: none
        for x in range(width):
            r = (x * 255 // max(width - 1, 1))
            row += bytes((r, g, (r + g) // 2))
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) +
            _png_chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + _png_chunk(b"IEND", b""))


_png_cache = {}
_png_lock = threading.Lock()


def cached_png(width, height):
    key = (width, height)
    with _png_lock:
        data = _png_cache.get(key)
    if data is None:
        data = make_png(width, height)
        with _png_lock:
            _png_cache[key] = data
    return data


# ---------------------------------------------------------------- handler

class HttpbinHandler(BaseHTTPRequestHandler):
    """Routes requests to the handle_* methods below."""

    protocol_version = "HTTP/1.1"
    server_version = "gilt-httpbin/1.0"
    quiet = False

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)

    # -- plumbing ----------------------------------------------------------
    def _route(self):
        # One handler serves every request of a keep-alive connection:
        # forget what the previous request left.
        self.__dict__.pop("_body", None)
        self._head_only = self.command == "HEAD"
        parts = urlsplit(self.path)
        self.query = parse_qsl(parts.query, keep_blank_values=True)
        self.segments = [s for s in parts.path.split("/") if s]
        name = self.segments[0] if self.segments else ""
        handler = getattr(self, "handle_" + name.replace("-", "_"), None)
        self.read_body()  # always: an unread body would spoil the next request
        if handler is None:
            return self.send_json({"error": "not found", "path": parts.path}, 404)
        try:
            handler()
        except (ValueError, IndexError):
            self.send_json({"error": "bad request", "path": parts.path}, 400)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _route

    do_HEAD = _route

    def read_body(self):
        if hasattr(self, "_body"):
            return self._body
        length = int(self.headers.get("Content-Length") or 0)
        if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            self._body = b"".join(parts)
        else:
            self._body = self.rfile.read(length) if length else b""
        return self._body

    def send_body(self, code, body, content_type, extra=()):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if not self._head_only:
            self.wfile.write(body)

    def send_json(self, obj, code=200, extra=()):
        body = (json.dumps(obj, indent=2, sort_keys=True) + "\n").encode("utf-8")
        self.send_body(code, body, "application/json", extra)

    # -- what the answers are made of ---------------------------------------
    def header_dict(self):
        merged = {}
        for name, value in self.headers.items():
            title = "-".join(part.capitalize() for part in name.split("-"))
            merged[title] = merged[title] + "," + value if title in merged else value
        return merged

    def args_dict(self):
        args = {}
        for key, value in self.query:
            if key in args:
                args[key] = (args[key] if isinstance(args[key], list) else [args[key]]) + [value]
            else:
                args[key] = value
        return args

    def full_url(self):
        scheme = "https" if isinstance(self.server, HttpbinServer) and self.server.tls else "http"
        host = self.headers.get("Host") or "%s:%s" % self.server.server_address[:2]
        return "%s://%s%s" % (scheme, host, self.path)

    def request_info(self, with_body):
        info = {"args": self.args_dict(), "headers": self.header_dict(),
                "origin": self.client_address[0], "url": self.full_url()}
        if with_body:
            raw = self.read_body()
            content_type = (self.headers.get("Content-Type") or "").lower()
            text = raw.decode("utf-8", "replace")
            form = {}
            if content_type.startswith("application/x-www-form-urlencoded"):
                for key, value in parse_qsl(text, keep_blank_values=True):
                    form[key] = value if key not in form else (
                        (form[key] if isinstance(form[key], list) else [form[key]]) + [value])
                text = ""
            try:
                parsed = json.loads(raw) if raw and "json" in content_type else None
            except ValueError:
                parsed = None
            info.update({"data": text, "files": {}, "form": form, "json": parsed})
        return info

    # -- endpoints ------------------------------------------------------------
    def handle_get(self):
        self.send_json(self.request_info(False))

    def _with_body(self):
        self.send_json(self.request_info(True))

    handle_post = handle_put = handle_patch = handle_delete = _with_body

    def handle_anything(self):
        info = self.request_info(True)
        info["method"] = self.command
        self.send_json(info)

    def handle_delay(self):
        seconds = min(float(self.segments[1]), MAX_DELAY)
        time.sleep(max(seconds, 0))
        info = self.request_info(True)
        self.send_json(info)

    def handle_status(self):
        choices = [int(c) for c in self.segments[1].split(",")]
        code = random.choice(choices)
        extra = [("Location", "/redirect/1")] if code in (301, 302, 303, 305, 307, 308) else []
        if code == 418:
            return self.send_body(code, b"\n    -=[ teapot ]=-\n", "text/plain", extra)
        self.send_body(code, b"", "text/html; charset=utf-8", extra)

    def handle_bytes(self):
        count = min(int(self.segments[1]), MAX_BYTES)
        seed = dict(self.query).get("seed")
        rng = random.Random(int(seed)) if seed is not None else random.Random()
        self.send_body(200, bytes(rng.getrandbits(8) for _ in range(count)),
                       "application/octet-stream")

    def handle_image(self):
        kind = self.segments[1] if len(self.segments) > 1 else "png"
        if kind != "png":
            return self.send_json({"error": "only image/png is served"}, 406)
        params = dict(self.query)
        width = min(int(params.get("width", 256)), 4096)
        height = min(int(params.get("height", 256)), 4096)
        self.send_body(200, cached_png(width, height), "image/png")

    def handle_headers(self):
        self.send_json({"headers": self.header_dict()})

    def handle_ip(self):
        self.send_json({"origin": self.client_address[0]})

    def handle_user_agent(self):
        self.send_json({"user-agent": self.headers.get("User-Agent")})

    def handle_uuid(self):
        value = "%032x" % random.getrandbits(128)
        self.send_json({"uuid": "%s-%s-4%s-a%s-%s" % (value[:8], value[8:12], value[13:16],
                                                      value[17:20], value[20:32])})

    def handle_html(self):
        self.send_body(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")

    def handle_json(self):
        self.send_json(SLIDESHOW)

    def handle_stream(self):
        count = min(int(self.segments[1]), 100)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        info = self.request_info(False)
        for i in range(count):
            info["id"] = i
            line = (json.dumps(info, sort_keys=True) + "\n").encode("utf-8")
            self.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
        self.wfile.write(b"0\r\n\r\n")

    def handle_redirect(self):
        left = int(self.segments[1])
        target = "/get" if left <= 1 else "/redirect/%d" % (left - 1)
        self.send_body(302, b"", "text/html; charset=utf-8", [("Location", target)])

    def handle_redirect_to(self):
        params = dict(self.query)
        code = int(params.get("status_code", 302))
        self.send_body(code, b"", "text/html; charset=utf-8", [("Location", params["url"])])


class HttpbinServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with a backlog for many clients at once."""

    request_queue_size = 1024
    daemon_threads = True
    tls = False

    def handle_error(self, request, client_address):
        """A client that went away (timed out, closed early, dropped its
        TLS session) is routine for a test server: an OSError is ignored;
        anything else is reported as usual."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


def make_server(host="127.0.0.1", port=0, tls_context=None, quiet=True):
    """A bound server (not yet serving); port 0 picks a free port."""
    handler = type("Handler", (HttpbinHandler,), {"quiet": quiet})
    server = HttpbinServer((host, port), handler)
    if tls_context is not None:
        server.socket = tls_context.wrap_socket(server.socket, server_side=True)
        server.tls = True
    return server


def serve_in_thread(host="127.0.0.1", port=0, tls_context=None, quiet=True):
    """(server, base URL): a server running in a daemon thread. Stop it
    with server.shutdown() and server.server_close()."""
    server = make_server(host, port, tls_context, quiet)
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    scheme = "https" if tls_context is not None else "http"
    return server, "%s://%s:%d" % (scheme, host, server.server_address[1])


# ---------------------------------------------------------------- TLS

_TEST_CERT_DAYS = 30


def make_self_signed(directory):
    """(cert, key) files for localhost/127.0.0.1 in directory, made with
    the openssl command; None when it is not installed."""
    import shutil
    import subprocess
    if not shutil.which("openssl"):
        return None
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key, "-out", cert, "-days", str(_TEST_CERT_DAYS),
                    "-subj", "/CN=localhost/O=gilt httpbin",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


def write_test_cert(directory):
    """(cert, key) files of gilt's fixed test certificate in directory."""
    import _httpbin_testcert
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    for path, text in ((cert, _httpbin_testcert.CERT_PEM), (key, _httpbin_testcert.KEY_PEM)):
        with open(path, "w") as f:
            f.write(text)
    return cert, key


def tls_context(cert=None, key=None):
    """(server context, certificate path) for --tls: the given files, else
    a new self-signed certificate, else the fixed test one."""
    import ssl
    if cert is None:
        where = tempfile.mkdtemp(prefix="httpbin-tls-")
        cert, key = make_self_signed(where) or write_test_cert(where)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert


# ---------------------------------------------------------------- main

def _parse_args(argv):
    import argparse
    parser = argparse.ArgumentParser(prog="httpbin", description="A local httpbin.org.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--tls", action="store_true", help="serve HTTPS (self-signed)")
    parser.add_argument("--cert", help="certificate for --tls (PEM)")
    parser.add_argument("--key", help="private key for --tls (PEM)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    return parser.parse_args(argv)


def _stop_on_sigterm():
    import signal

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)


def main(argv=None):
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    context = cert = None
    if args.tls:
        context, cert = tls_context(args.cert, args.key)
    server = make_server(args.host, args.port, context, args.quiet)
    scheme = "https" if context else "http"
    print("httpbin serving on %s://%s:%d/" % (scheme, args.host, server.server_address[1]),
          flush=True)
    if cert:
        print("TLS certificate (self-signed): %s" % cert)
        print("Clients trust it with requests.get(url, verify=%r)," % cert)
        print("or: export REQUESTS_CA_BUNDLE=%s  (gilt's requests and the real one)" % cert)
        print("or: export SSL_CERT_FILE=%s  (ssl.create_default_context, urllib)" % cert,
              flush=True)
    _stop_on_sigterm()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("httpbin: stopped", flush=True)
    finally:
        server.server_close()
        if cert and not args.cert:
            import shutil
            shutil.rmtree(os.path.dirname(cert), ignore_errors=True)


if __name__ == "__main__":
    main()
