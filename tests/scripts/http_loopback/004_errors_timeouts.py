# The exceptions http.client raises for broken or slow servers, and the
# error pages http.server sends.
import socket
import threading
import http.client

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(8)
port = listener.getsockname()[1]
release = threading.Event()

SCRIPTS = [
    b"",                                                   # closes at once
    b"garbage\r\n\r\n",                                    # bad status line
    b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",   # body cut short
    None,                                                  # never answers
    b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.0 200 OK\r\n\r\nuntil close",                 # no length
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
    b"HTTP/2.0 200 OK\r\n\r\n",
    b"HTTP/1.1 abc OK\r\n\r\n",
]


def serve():
    for script in SCRIPTS:
        conn, _ = listener.accept()
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(1024)
        if script is None:
            release.wait()
        else:
            conn.sendall(script)
        conn.close()


t = threading.Thread(target=serve)
t.start()
for i, script in enumerate(SCRIPTS):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=0.3 if script is None else 10)
    try:
        c.request("GET", "/")
        r = c.getresponse()
        print(i, r.status, r.reason, r.read())
    except Exception as e:
        print(i, type(e).__name__, repr(e), str(e).strip(), isinstance(e, http.client.HTTPException))
        if script is None:
            release.set()
    c.close()
t.join()
listener.close()

c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
try:
    c.request("GET", "/")
except ConnectionRefusedError as e:
    print("refused", e.errno == 111)

for args in [("host:abc",), ("host:",), ("[::1]:8080",), ("example.com", 81)]:
    try:
        c = http.client.HTTPConnection(*args)
        print(c.host, c.port)
    except http.client.InvalidURL as e:
        print("InvalidURL", e)

c = http.client.HTTPConnection("127.0.0.1", port)
try:
    c.getresponse()
except http.client.ResponseNotReady as e:
    print("ResponseNotReady", repr(e))
c.putrequest("GET", "/")
try:
    c.putrequest("GET", "/")
except http.client.CannotSendRequest as e:
    print("CannotSendRequest", repr(e))
try:
    c.putheader("Bad Name", "x")
except ValueError as e:
    print("ValueError", e)
try:
    c.putheader("X", "a\r\nb")
except ValueError as e:
    print("ValueError", e)
c2 = http.client.HTTPConnection("127.0.0.1", port)
try:
    c2.request("GET", "/a b")
except http.client.InvalidURL as e:
    print("InvalidURL", e)
try:
    c2.putheader("X", "1")
except http.client.CannotSendHeader as e:
    print("CannotSendHeader", repr(e))
print(http.client.responses[404], http.client.OK, http.client.NOT_FOUND, repr(http.client.INTERNAL_SERVER_ERROR))
print(repr(http.client.IncompleteRead(b"abc", 4)), repr(http.client.IncompleteRead(b"ab")))
print(str(http.client.LineTooLong("header line")), http.client.BadStatusLine("").args)
print(issubclass(http.client.RemoteDisconnected, ConnectionResetError),
      issubclass(http.client.RemoteDisconnected, http.client.BadStatusLine))
