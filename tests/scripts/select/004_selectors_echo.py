# A selectors-based echo server (one thread, non-blocking sockets) with
# clients served in the same loop, for each selector class.
import selectors
import socket


def run(selector_cls):
    sel = selector_cls()
    srv = socket.create_server(("127.0.0.1", 0))
    srv.setblocking(False)
    sel.register(srv, selectors.EVENT_READ, "accept")
    port = srv.getsockname()[1]
    clients = []
    for i in range(3):
        c = socket.create_connection(("127.0.0.1", port))
        c.sendall(b"msg%d" % i)
        clients.append(c)
    replies = {}
    served = 0
    while len(replies) < 3:
        for key, mask in sel.select(timeout=2):
            if key.data == "accept":
                conn, _ = key.fileobj.accept()
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, "echo")
            else:
                conn = key.fileobj
                data = conn.recv(100)
                if data:
                    conn.sendall(data[::-1])
                    served += 1
                else:
                    sel.unregister(conn)
                    conn.close()
        for i, c in enumerate(clients):
            if i not in replies:
                c.setblocking(False)
                try:
                    replies[i] = c.recv(100)
                except BlockingIOError:
                    pass
    for c in clients:
        c.close()
    # Drain the closes.
    while len(sel.get_map()) > 1:
        for key, mask in sel.select(timeout=2):
            if key.data == "echo" and not key.fileobj.recv(100):
                sel.unregister(key.fileobj)
                key.fileobj.close()
    print(selector_cls.__name__, served, sorted(replies.values()))
    sel.close()
    srv.close()


for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector,
            selectors.DefaultSelector):
    run(cls)
