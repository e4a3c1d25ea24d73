"""HTTP servers: HTTPServer, ThreadingHTTPServer and BaseHTTPRequestHandler.

A handler reads requests from one connection until it should close it
(HTTP/1.0 by default; set protocol_version = "HTTP/1.1" for keep-alive). For
each request it parses the request line and headers, then calls do_<METHOD>
(do_GET, do_POST, ...), which answers with send_response(), send_header(),
end_headers() and writes the body to self.wfile. Every response is logged
to stderr as '<client> - - [<date>] "<request line>" <code> <size>'.
"""

import socket
import socketserver
import sys
import time
from http import HTTPStatus
from http.client import HTTPException, LineTooLong, HTTPMessage, parse_headers

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
        from email.utils import formatdate
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


class SimpleHTTPRequestHandler(BaseHTTPRequestHandler):
    """Not provided: serving files from a directory."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("http.server.SimpleHTTPRequestHandler is not supported")
