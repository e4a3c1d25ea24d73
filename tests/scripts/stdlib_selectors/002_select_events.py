# select(): readable, writable, both, timeouts, hang-up reported as readable,
# and only the events asked for are reported.
import os
import selectors
import socket
import time

R, W = selectors.EVENT_READ, selectors.EVENT_WRITE
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    print(cls.__name__)
    a, b = socket.socketpair()
    with cls() as sel:
        print(sel.select(0), sel.select(-1), sel.select(0.0))
        sel.register(a, R | W, "a")
        print([(k.data, ev) for k, ev in sel.select(0)])
        b.send(b"x")
        print([(k.data, ev) for k, ev in sel.select(1)])
        sel.modify(a, R, "a-read")
        print([(k.data, ev) for k, ev in sel.select(None)])
        a.recv(10)
        t = time.monotonic()
        print(sel.select(0.05), time.monotonic() - t >= 0.04)
        sel.modify(a, W, "a-write")
        print([(k.data, ev) for k, ev in sel.select(0)])
        sel.modify(a, R, "a-read")
        b.close()
        print([(k.data, ev) for k, ev in sel.select(1)], a.recv(10))
        r, w = os.pipe()
        sel.register(w, W, "pipe-w")
        sel.register(r, R, "pipe-r")
        print(sorted((k.data, ev) for k, ev in sel.select(0)))
        os.write(w, b"z")
        print(sorted((k.data, ev) for k, ev in sel.select(0)))
        sel.unregister(r)
        sel.unregister(w)
        os.close(r)
        os.close(w)
    a.close()
