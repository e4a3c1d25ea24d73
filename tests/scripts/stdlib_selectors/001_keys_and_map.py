# SelectorKey, registration by int or file object, get_map as a live view,
# close() and what is left afterwards.
import os
import selectors
import socket

print(selectors.SelectorKey._fields, selectors.EVENT_READ | selectors.EVENT_WRITE)
k = selectors.SelectorKey("f", 3, 1, None)
print(k.fileobj, k.fd, k.events, k.data, k == ("f", 3, 1, None))
try:
    selectors.BaseSelector()
except TypeError as e:
    print("TypeError", "abstract" in str(e))

r, w = os.pipe()
a, b = socket.socketpair()
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    sel = cls()
    print(cls.__name__, isinstance(sel, selectors.BaseSelector))
    kr = sel.register(r, selectors.EVENT_READ)
    ka = sel.register(a, selectors.EVENT_WRITE, data={"n": 1})
    print(kr.fileobj == r, kr.fd == r, kr.data, ka.fd == a.fileno(), ka.data)
    m = sel.get_map()
    print(len(m), sorted(m) == sorted([r, a.fileno()]), m[r] is kr, m[a] is ka, m[a.fileno()] is ka)
    print(r in m, a in m, b in m, w in m, m.get(b, "absent"), m is sel.get_map())
    print(sorted(k.fd for k in m.values()) == sorted([r, a.fileno()]))
    try:
        m[b]
    except KeyError as e:
        print("KeyError", "is not registered" in str(e.args[0]))
    sel.unregister(r)
    print(len(m), r in m)
    sel.close()
    print(sel.get_map())
    try:
        sel.get_key(a)
    except RuntimeError as e:
        print("RuntimeError", e)
os.close(r)
os.close(w)
a.close()
b.close()
