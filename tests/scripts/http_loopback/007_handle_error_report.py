# The default handle_error prints a report with the traceback to stderr
# and the server carries on. (Frames inside socketserver differ between
# implementations, so only the report's own lines are compared.)
import io
import socket
import socketserver
import sys


class Failing(socketserver.BaseRequestHandler):
    def handle(self):
        raise KeyError("missing")


captured = io.StringIO()
real_stderr, sys.stderr = sys.stderr, captured
try:
    with socketserver.TCPServer(("127.0.0.1", 0), Failing) as srv:
        c = socket.create_connection(srv.server_address)
        port = c.getsockname()[1]
        srv.handle_request()
        print("closed by server:", c.recv(10))
        c.close()
finally:
    sys.stderr = real_stderr
for line in captured.getvalue().splitlines():
    if not line.startswith("  "):
        print(line.replace(str(port), "PORT"))
print("still running")
