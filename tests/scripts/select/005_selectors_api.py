# The selectors API: keys, modify, get_key, get_map, errors.
import selectors
import socket

a, b = socket.socketpair()
print(selectors.EVENT_READ, selectors.EVENT_WRITE)
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    with cls() as sel:
        key = sel.register(a, selectors.EVENT_READ, "data-a")
        print(type(key).__name__, key.fileobj is a, key.fd == a.fileno(), key.events, key.data)
        print(sel.select(0))
        b.send(b"y")
        print([(k.data, m) for k, m in sel.select(1)])
        print(a.recv(10))
        key2 = sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, "rw")
        print(key2.events, [(k.data, m) for k, m in sel.select(0)])
        key3 = sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, "same events")
        print(key3.data, sel.get_key(a).data)
        m = sel.get_map()
        print(len(m), a in m, b in m, m[a].data)
        try:
            sel.register(a, selectors.EVENT_READ)
        except KeyError as e:
            print("KeyError already registered", "is already registered" in str(e))
        for bad in (0, 4):
            try:
                sel.register(b, bad)
            except ValueError as e:
                print("ValueError", e)
        sel.unregister(a)
        try:
            sel.get_key(a)
        except KeyError as e:
            print("KeyError", "is not registered" in str(e))
        try:
            sel.unregister(a)
        except KeyError as e:
            print("KeyError", "is not registered" in str(e))
        try:
            sel.register("x", selectors.EVENT_READ)
        except ValueError as e:
            print("ValueError", e)
    print(sel.get_map())
print(selectors.DefaultSelector is selectors.EpollSelector)
print(issubclass(selectors.EpollSelector, selectors.BaseSelector))
a.close()
b.close()
