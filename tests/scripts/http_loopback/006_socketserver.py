# socketserver: TCP and Unix stream servers, threaded and not, handler
# life cycle, handle_error's report and shutdown from another thread.
import os
import socket
import socketserver
import sys
import tempfile
import threading

events = []


class Echo(socketserver.StreamRequestHandler):
    def setup(self):
        events.append("setup")
        super().setup()

    def handle(self):
        for line in self.rfile:
            if line.strip() == b"boom":
                raise ValueError("bad line")
            self.wfile.write(line.upper())

    def finish(self):
        events.append("finish")
        super().finish()


class Raw(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(100)
        self.request.sendall(b"raw:" + data + b" from " +
                             type(self.server).__name__.encode())


def talk(address, family, lines):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.connect(address)
    f = s.makefile("rwb")
    out = []
    for line in lines:
        f.write(line + b"\n")
        f.flush()
        out.append(f.readline())
    f.close()
    s.close()
    return out


def run(server, family, lines):
    t = threading.Thread(target=server.serve_forever, args=(0.05,))
    t.start()
    print(talk(server.server_address, family, lines))
    server.shutdown()
    t.join()
    server.server_close()


with socketserver.TCPServer(("127.0.0.1", 0), Echo) as srv:
    print(type(srv.server_address), srv.server_address[0], srv.socket.family)
    run(srv, socket.AF_INET, [b"hello", b"world"])
print(events)

srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo)
t = threading.Thread(target=srv.serve_forever, args=(0.05,))
t.start()
results = []
def client(i):
    results.append(talk(srv.server_address, socket.AF_INET, [b"client %d" % i]))
threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
for th in threads:
    th.start()
for th in threads:
    th.join()
srv.shutdown()
t.join()
srv.server_close()
print(sorted(results))

path = os.path.join(tempfile.mkdtemp(), "sock")
with socketserver.UnixStreamServer(path, Echo) as srv:
    print(srv.server_address == path, srv.socket.family)
    run(srv, socket.AF_UNIX, [b"over unix"])
os.unlink(path)

with socketserver.ThreadingUnixStreamServer(path, Raw) as srv:
    t = threading.Thread(target=srv.serve_forever, args=(0.05,))
    t.start()
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.sendall(b"ping")
    print(s.recv(100))
    s.close()
    srv.shutdown()
    t.join()
os.unlink(path)


class Quiet(socketserver.TCPServer):
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        print("handle_error:", type(sys.exc_info()[1]).__name__, sys.exc_info()[1],
              client_address[0])


with Quiet(("127.0.0.1", 0), Echo) as srv:
    t = threading.Thread(target=srv.serve_forever, args=(0.05,))
    t.start()
    s = socket.create_connection(srv.server_address)
    s.sendall(b"fine\nboom\n")
    data = b""
    while True:
        chunk = s.recv(100)
        if not chunk:
            break
        data += chunk
    print(data)
    s.close()
    srv.shutdown()
    t.join()

srv = socketserver.TCPServer(("127.0.0.1", 0), Raw, bind_and_activate=False)
srv.allow_reuse_address = True
srv.server_bind()
srv.server_activate()
srv.timeout = 0.1
srv.handle_timeout = lambda: print("timed out waiting")
srv.handle_request()
srv.server_close()
print(issubclass(socketserver.ThreadingTCPServer, socketserver.ThreadingMixIn),
      socketserver.TCPServer.request_queue_size, socketserver.ThreadingMixIn.daemon_threads)
