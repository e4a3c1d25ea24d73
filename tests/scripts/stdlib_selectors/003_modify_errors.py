# modify() keeps or replaces keys; the error cases of register, unregister,
# modify and get_key; a closed file can still be unregistered.
import selectors
import socket

R, W = selectors.EVENT_READ, selectors.EVENT_WRITE


class FileLike:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return "<FileLike %s>" % ("fd" if self.fd >= 0 else self.fd)


class BadFileno:
    def fileno(self):
        return "nope"

    def __repr__(self):
        return "<BadFileno>"


def attempt(label, fn, *args):
    try:
        result = fn(*args)
    except (KeyError, ValueError, RuntimeError, TypeError) as e:
        message = str(e).replace("fd=%d," % b.fileno(), "fd=N,")
        message = message.replace("(FD %d)" % a.fileno(), "(FD N)")
        print(label, type(e).__name__, message)
    else:
        print(label, "ok", getattr(result, "events", result), getattr(result, "data", None))


a, b = socket.socketpair()
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    print(cls.__name__)
    sel = cls()
    key = sel.register(a, R, "one")
    same = sel.modify(a, R, "one")
    print(same is key)
    newdata = sel.modify(a, R, "two")
    print(newdata is key, newdata.data, newdata.events, sel.get_key(a) is newdata)
    both = sel.modify(a, R | W, "three")
    print(both.events, both.data, sel.get_key(a) is both)
    alias = FileLike(a.fileno())
    attempt("register alias", sel.register, alias, R)
    k = sel.modify(alias, R, "via alias")
    print(k.fileobj is a, k.data)
    attempt("register 0 events", sel.register, b, 0)
    attempt("register bad events", sel.register, b, 4)
    attempt("register str", sel.register, "x", R)
    attempt("register None", sel.register, None, R)
    attempt("register bad fileno", sel.register, BadFileno(), R)
    attempt("register negative", sel.register, -1, R)
    attempt("register negative fileno", sel.register, FileLike(-5), R)
    attempt("unregister unknown", sel.unregister, b)
    attempt("modify unknown", sel.modify, b, R)
    attempt("get_key unknown", sel.get_key, b)
    attempt("get_key str", sel.get_key, "x")
    attempt("unregister str", sel.unregister, "x")
    print(len(sel.get_map()))
    sel.close()

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    c, d = socket.socketpair()
    sel = cls()
    sel.register(c, R, "c")
    c.close()
    key = sel.unregister(c)
    print(cls.__name__, "closed then unregistered", key.data, len(sel.get_map()))
    sel.close()
    d.close()

ep = selectors.EpollSelector()
print(type(ep.fileno()).__name__, ep.fileno() >= 0)
ep.close()
print(selectors.DefaultSelector is selectors.EpollSelector)
a.close()
b.close()
