# Every kind of __exit__ a with statement can meet, on normal exit, on an
# exception (suppressed or not), and when return/break/continue leave the block.
import threading


class Plain:
    def __enter__(self):
        return "plain"

    def __exit__(self, t, e, tb):
        print("  Plain.__exit__", t.__name__ if t else None, type(self).__name__)
        return t is KeyError


class Static:
    def __enter__(self):
        return "static"

    @staticmethod
    def __exit__(t, e, tb):
        print("  Static.__exit__", t.__name__ if t else None)


class Klass:
    def __enter__(self):
        return "class"

    @classmethod
    def __exit__(cls, t, e, tb):
        print("  Klass.__exit__", cls.__name__, t.__name__ if t else None)
        return True


class Caller:
    def __init__(self, tag):
        self.tag = tag

    def __call__(self, *args):
        print("  Caller", self.tag, len(args), args[0].__name__ if args[0] else None)
        return False


class ObjectExit:
    __exit__ = Caller("on the class")

    def __enter__(self):
        return "object"


class VarExit:
    def __enter__(self):
        return "var"

    def __exit__(self, *args):
        print("  VarExit", len(args), args[0].__name__ if args[0] else None)


class InstanceOnly:
    def __init__(self):
        self.__enter__ = lambda: "instance"
        self.__exit__ = lambda *a: None


class Sub(Plain):
    pass


def run(mgr):
    name = type(mgr).__name__
    with mgr as v:
        print(name, "body", v)
    for exc in (KeyError, ValueError):
        try:
            with mgr:
                raise exc("x")
            print(name, exc.__name__, "suppressed")
        except exc:
            print(name, exc.__name__, "propagated")


for m in [Plain(), Sub(), Static(), Klass(), ObjectExit(), VarExit(), threading.Lock(), threading.RLock()]:
    run(m)

try:
    with InstanceOnly():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)


def leave(mgr, how):
    for i in range(3):
        with mgr as v:
            if how == "return":
                return ("returned", i, v)
            if how == "break":
                break
            if how == "continue" and i < 2:
                continue
            print("  last iteration", i)
    return ("fell through", i)


for how in ["return", "break", "continue"]:
    for m in [Plain(), Static(), ObjectExit()]:
        print(how, type(m).__name__, leave(m, how))


# A lock is released on every way out, and its state is visible after.
lock = threading.Lock()
def hold():
    with lock:
        return lock.locked()
print("held inside", hold(), "after", lock.locked())


# Nested managers exit in reverse order, each with its own self.
with Plain() as a, Sub() as b, Static() as c:
    print("nested", a, b, c)


# A generator suspended inside a with exits it when closed.
def gen():
    with Plain():
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
print("closed")
