"""HTTP servers: HTTPServer, ThreadingHTTPServer and BaseHTTPRequestHandler.

A handler reads requests from one connection until it should close it
(HTTP/1.0 by default; set protocol_version = "HTTP/1.1" for keep-alive). For
each request it parses the request line and headers, then calls do_<METHOD>
(do_GET, do_POST, ...), which answers with send_response(), send_header(),
end_headers() and writes the body to self.wfile. Every response is logged
to stderr as '<client> - - [<date>] "<request line>" <code> <size>'.
"""

# Every import is made here, never inside a method: handlers run in many
# threads at once, and a module imported for the first time by two threads
# together could be seen half made by one of them.
import io
import os
import posixpath
import socket
import socketserver
import sys
import time
from email.utils import formatdate
from http import HTTPStatus
from http.client import HTTPException, LineTooLong, HTTPMessage, parse_headers
from urllib.parse import quote, unquote, urlsplit, urlunsplit

__version__ = "0.6"

__all__ = ["HTTPServer", "ThreadingHTTPServer", "BaseHTTPRequestHandler",
           "SimpleHTTPRequestHandler"]

DEFAULT_ERROR_MESSAGE = "\n".join([
    "<!DOCTYPE HTML>",
    '<html lang="en">',
    "    <head>",
    '        <meta charset="utf-8">',
    "        <title>Error response</title>",
    "    </head>",
    "    <body>",
    "        <h1>Error response</h1>",
    "        <p>Error code: %(code)d</p>",
    "        <p>Message: %(message)s.</p>",
    "        <p>Error code explanation: %(code)s - %(explain)s.</p>",
    "    </body>",
    "</html>",
    ""])

DEFAULT_ERROR_CONTENT_TYPE = "text/html;charset=utf-8"

# Control characters in a logged message are shown escaped (\x1b, ...), so a
# client cannot write terminal escape sequences into the server's log.
_LOG_ESCAPES = {c: "\\x%02x" % c for c in list(range(32)) + list(range(127, 160))}


def _escape_html(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HTTPServer(socketserver.TCPServer):
    allow_reuse_address = 1

    def server_bind(self):
        """Bind, then note the server's name and port for handlers."""
        super().server_bind()
        self.server_port = self.server_address[1]
        self.server_name = socket.getfqdn(self.server_address[0])


class ThreadingHTTPServer(socketserver.ThreadingMixIn, HTTPServer):
    """One thread per connection; the threads are daemons, so an open
    keep-alive connection does not keep the process alive."""
    daemon_threads = True


class BaseHTTPRequestHandler(socketserver.StreamRequestHandler):
    """Parses requests and dispatches them to do_<METHOD> methods."""

    protocol_version = "HTTP/1.0"          # "HTTP/1.1" enables keep-alive
    default_request_version = "HTTP/0.9"   # a request line without a version
    server_version = "BaseHTTP/" + __version__
    sys_version = "Python/" + sys.version.split()[0]
    error_content_type = DEFAULT_ERROR_CONTENT_TYPE
    error_message_format = DEFAULT_ERROR_MESSAGE
    MessageClass = HTTPMessage
    responses = {s: (s.phrase, s.description) for s in HTTPStatus}
    weekdayname = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    monthname = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    # -- logging ---------------------------------------------------------
    def log_request(self, code="-", size="-"):
        if isinstance(code, HTTPStatus):
            code = code.value
        self.log_message('"%s" %s %s', self.requestline, str(code), str(size))

    def log_error(self, format, *args):
        self.log_message(format, *args)

    def log_message(self, format, *args):
        message = format % args
        sys.stderr.write("%s - - [%s] %s\n" % (
            self.address_string(), self.log_date_time_string(),
            message.translate(_LOG_ESCAPES)))

    def version_string(self):
        return self.server_version + " " + self.sys_version

    def date_time_string(self, timestamp=None):
        if timestamp is None:
            timestamp = time.time()
        return formatdate(timestamp, usegmt=True)

    def log_date_time_string(self):
        t = time.localtime(time.time())
        return "%02d/%3s/%04d %02d:%02d:%02d" % (
            t.tm_mday, self.monthname[t.tm_mon], t.tm_year,
            t.tm_hour, t.tm_min, t.tm_sec)

    def address_string(self):
        return self.client_address[0]

    # -- writing a response ---------------------------------------------
    def send_error(self, code, message=None, explain=None):
        """Send an error response with a small HTML page (none for HEAD
        or for codes that have no body) and close the connection."""
        short, long = self.responses.get(code, ("???", "???"))
        if message is None:
            message = short
        if explain is None:
            explain = long
        self.log_error("code %d, message %s", code, message)
        self.send_response(code, message)
        self.send_header("Connection", "close")
        body = None
        if code >= 200 and code not in (HTTPStatus.NO_CONTENT, HTTPStatus.RESET_CONTENT,
                                        HTTPStatus.NOT_MODIFIED):
            page = self.error_message_format % {
                "code": code, "message": _escape_html(message),
                "explain": _escape_html(explain)}
            body = page.encode("UTF-8", "replace")
            self.send_header("Content-Type", self.error_content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def send_response(self, code, message=None):
        """Log the request, then buffer the status line, Server and Date."""
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())

    def send_response_only(self, code, message=None):
        if self.request_version == "HTTP/0.9":
            return
        if message is None:
            message = self.responses[code][0] if code in self.responses else ""
        self._header_lines().append(
            ("%s %d %s\r\n" % (self.protocol_version, code, message))
            .encode("latin-1", "strict"))

    def _header_lines(self):
        if not hasattr(self, "_headers_buffer"):
            self._headers_buffer = []
        return self._headers_buffer

    def send_header(self, keyword, value):
        if self.request_version != "HTTP/0.9":
            self._header_lines().append(
                ("%s: %s\r\n" % (keyword, value)).encode("latin-1", "strict"))
        if keyword.lower() == "connection":
            if value.lower() == "close":
                self.close_connection = True
            elif value.lower() == "keep-alive":
                self.close_connection = False

    def end_headers(self):
        if self.request_version != "HTTP/0.9":
            self._header_lines().append(b"\r\n")
            self.flush_headers()

    def flush_headers(self):
        if hasattr(self, "_headers_buffer"):
            self.wfile.write(b"".join(self._headers_buffer))
            self._headers_buffer = []

    # -- reading a request ----------------------------------------------
    def _parse_version(self, version):
        """(major, minor) from 'HTTP/x.y', or None after sending 400."""
        try:
            if not version.startswith("HTTP/"):
                raise ValueError
            numbers = version.split("/", 1)[1].split(".")
            if len(numbers) != 2:
                raise ValueError
            if any(not n.isdigit() or len(n) > 10 for n in numbers):
                raise ValueError
            return int(numbers[0]), int(numbers[1])
        except (ValueError, IndexError):
            self.send_error(HTTPStatus.BAD_REQUEST,
                            "Bad request version (%r)" % version)
            return None

    def parse_request(self):
        """Parse self.raw_requestline and the headers; False after an
        error response has been sent."""
        self.command = None
        self.request_version = version = self.default_request_version
        self.close_connection = True
        self.requestline = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
        words = self.requestline.split()
        if not words:
            return False
        if len(words) >= 3:
            version = words[-1]
            parsed = self._parse_version(version)
            if parsed is None:
                return False
            if parsed >= (1, 1) and self.protocol_version >= "HTTP/1.1":
                self.close_connection = False
            if parsed >= (2, 0):
                self.send_error(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED,
                                "Invalid HTTP version (%s)" % version.split("/", 1)[1])
                return False
            self.request_version = version
        if not 2 <= len(words) <= 3:
            self.send_error(HTTPStatus.BAD_REQUEST,
                            "Bad request syntax (%r)" % self.requestline)
            return False
        command, path = words[:2]
        if len(words) == 2:
            self.close_connection = True
            if command != "GET":
                self.send_error(HTTPStatus.BAD_REQUEST,
                                "Bad HTTP/0.9 request type (%r)" % command)
                return False
        self.command, self.path = command, path
        if self.path.startswith("//"):
            self.path = "/" + self.path.lstrip("/")
        return self._read_headers()

    def _read_headers(self):
        try:
            self.headers = parse_headers(self.rfile, _class=self.MessageClass)
        except LineTooLong as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "Line too long", str(err))
            return False
        except HTTPException as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "Too many headers", str(err))
            return False
        conntype = (self.headers.get("Connection") or "").lower()
        if conntype == "close":
            self.close_connection = True
        elif conntype == "keep-alive" and self.protocol_version >= "HTTP/1.1":
            self.close_connection = False
        expect = (self.headers.get("Expect") or "").lower()
        if (expect == "100-continue" and self.protocol_version >= "HTTP/1.1"
                and self.request_version >= "HTTP/1.1"):
            return self.handle_expect_100()
        return True

    def handle_expect_100(self):
        self.send_response_only(HTTPStatus.CONTINUE)
        self.end_headers()
        return True

    def handle_one_request(self):
        """Read one request and answer it with the do_<METHOD> method."""
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.requestline = ""
                self.request_version = ""
                self.command = ""
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
                return
            if not self.raw_requestline:
                self.close_connection = True  # the client hung up
                return
            if not self.parse_request():
                return  # the error response is sent already
            method = getattr(self, "do_" + self.command, None)
            if method is None:
                self.send_error(HTTPStatus.NOT_IMPLEMENTED,
                                "Unsupported method (%r)" % self.command)
                return
            method()
            self.wfile.flush()
        except TimeoutError as err:
            self.log_error("Request timed out: %r", err)
            self.close_connection = True

    def handle(self):
        """Serve requests until one of them closes the connection."""
        self.close_connection = True
        while True:
            self.handle_one_request()
            if self.close_connection:
                break


# File name extension -> Content-Type for SimpleHTTPRequestHandler (gilt has
# no mimetypes module; these are the answers CPython's gives on Debian).
_CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".txt": "text/plain",
    ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".xml": "text/xml", ".csv": "text/csv",
    ".md": "text/markdown", ".py": "text/x-python", ".c": "text/plain",
    ".h": "text/plain", ".png": "image/png", ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg", ".gif": "image/gif", ".svg": "image/svg+xml",
    ".ico": "image/vnd.microsoft.icon", ".webp": "image/webp",
    ".bmp": "image/bmp", ".pdf": "application/pdf", ".zip": "application/zip",
    ".tar": "application/x-tar", ".wasm": "application/wasm",
    ".mp3": "audio/mpeg", ".mp4": "video/mp4", ".wav": "audio/x-wav",
    ".gz": "application/gzip", ".Z": "application/octet-stream",
    ".bz2": "application/x-bzip2", ".xz": "application/x-xz",
}


class SimpleHTTPRequestHandler(BaseHTTPRequestHandler):
    """Serves the files under `directory` (the current one by default):
    GET and HEAD, an HTML listing for a directory without index.html, and a
    301 to add the slash a directory's URL lacks. If-Modified-Since is not
    looked at: every GET sends the whole file."""

    server_version = "SimpleHTTP/" + __version__
    extensions_map = {".gz": "application/gzip", ".Z": "application/octet-stream",
                      ".bz2": "application/x-bzip2", ".xz": "application/x-xz"}
    index_pages = ("index.html", "index.htm")

    def __init__(self, *args, directory=None, **kwargs):
        self.directory = os.fspath(directory) if directory is not None else os.getcwd()
        super().__init__(*args, **kwargs)

    def do_GET(self):
        source = self.send_head()
        if source is not None:
            try:
                self.copyfile(source, self.wfile)
            finally:
                source.close()

    def do_HEAD(self):
        source = self.send_head()
        if source is not None:
            source.close()

    def copyfile(self, source, outputfile):
        while True:
            block = source.read(64 * 1024)
            if not block:
                return
            outputfile.write(block)

    def translate_path(self, path):
        """The file system path a URL path names: decoded, normalised, with
        '.', '..' and empty segments dropped, inside self.directory."""
        path = path.partition("?")[0].partition("#")[0]
        wants_dir = path.rstrip().endswith("/")
        clean = posixpath.normpath(unquote(path, errors="surrogatepass"))
        result = self.directory
        for part in clean.split("/"):
            if part and part not in (os.curdir, os.pardir) and not os.path.dirname(part):
                result = os.path.join(result, part)
        return result + "/" if wants_dir else result

    def guess_type(self, path):
        ext = posixpath.splitext(path)[1]
        for table in (self.extensions_map, _CONTENT_TYPES):
            if ext in table:
                return table[ext]
            if ext.lower() in table:
                return table[ext.lower()]
        return "application/octet-stream"

    def send_head(self):
        """Send the status and headers for the path; return an open file
        for the body (or a BytesIO listing), or None when nothing follows."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            parts = urlsplit(self.path)
            if not parts.path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                target = urlunsplit((parts[0], parts[1], parts[2] + "/", parts[3], parts[4]))
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            for index in self.index_pages:
                candidate = os.path.join(path, index)
                if os.path.isfile(candidate):
                    path = candidate
                    break
            else:
                return self.list_directory(path)
        if path.endswith("/"):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            source = open(path, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            info = os.fstat(source.fileno())
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-type", self.guess_type(path))
            self.send_header("Content-Length", str(info.st_size))
            self.send_header("Last-Modified", self.date_time_string(info.st_mtime))
            self.end_headers()
            return source
        except BaseException:
            source.close()
            raise

    def list_directory(self, path):
        """An HTML page linking the entries of a directory."""
        try:
            names = os.listdir(path)
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "No permission to list directory")
            return None
        names.sort(key=lambda name: name.lower())
        shown = _escape_html(unquote(self.path, errors="surrogatepass"))
        title = "Directory listing for %s" % shown
        lines = ["<!DOCTYPE HTML>", '<html lang="en">', "<head>",
                 '<meta charset="utf-8">', "<title>%s</title>" % title,
                 "</head>", "<body>", "<h1>%s</h1>" % title, "<hr>", "<ul>"]
        for name in names:
            full = os.path.join(path, name)
            label = link = name
            if os.path.isdir(full):
                label = link = name + "/"
            if os.path.islink(full):
                label = name + "@"
            lines.append('<li><a href="%s">%s</a></li>' % (
                quote(link, errors="surrogatepass"), _escape_html(label)))
        lines += ["</ul>", "<hr>", "</body>", "</html>", ""]
        page = "\n".join(lines).encode("utf-8", "surrogateescape")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        return io.BytesIO(page)


def _serve_main(argv=None):
    """python -m http.server [port] [--bind ADDR] [--directory DIR]
    [--protocol VERSION]: serve a directory until Ctrl-C."""
    import argparse
    import functools
    parser = argparse.ArgumentParser(prog="http.server")
    parser.add_argument("--bind", "-b", metavar="ADDRESS",
                        help="bind to this address (default: all interfaces)")
    parser.add_argument("--directory", "-d", default=None,
                        help="serve this directory (default: current directory)")
    parser.add_argument("--protocol", "-p", metavar="VERSION", default="HTTP/1.0",
                        help="conform to this HTTP version (default: HTTP/1.0)")
    parser.add_argument("port", default=8000, type=int, nargs="?",
                        help="bind to this port (default: 8000)")
    args = parser.parse_args(argv)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=args.directory)
    SimpleHTTPRequestHandler.protocol_version = args.protocol
    with ThreadingHTTPServer((args.bind or "", args.port), handler) as httpd:
        host, port = httpd.socket.getsockname()[:2]
        shown = "[%s]" % host if ":" in host else host
        print("Serving HTTP on %s port %d (http://%s:%d/) ..." % (host, port, shown, port),
              flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("\nKeyboard interrupt received, exiting.")


if __name__ == "__main__":
    _serve_main()
