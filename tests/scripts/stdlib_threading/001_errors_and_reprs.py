# Exception types and messages of the threading API, and the reprs that do
# not depend on addresses or idents.
import threading


def attempt(label, func):
    try:
        result = func()
    except BaseException as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", result)


t = threading.Thread()
attempt("join before start", t.join)
attempt("join current", threading.current_thread().join)
attempt("join main", threading.main_thread().join)
attempt("semaphore -1", lambda: threading.Semaphore(-1))
attempt("nonblocking with timeout", lambda: threading.Semaphore().acquire(False, 1))
attempt("release 0", lambda: threading.Semaphore().release(0))
attempt("bounded over-release", lambda: threading.BoundedSemaphore(1).release())
attempt("wait unowned", lambda: threading.Condition().wait())
attempt("notify unowned", lambda: threading.Condition().notify())
attempt("wait unowned plain", lambda: threading.Condition(threading.Lock()).wait())
attempt("group", lambda: threading.Thread(group=1))
attempt("local args", lambda: threading.local(1))
attempt("local dict", lambda: setattr(threading.local(), "__dict__", {}))
attempt("local del dict", lambda: delattr(threading.local(), "__dict__"))
attempt("lock release", lambda: threading.Lock().release())
attempt("rlock release", lambda: threading.RLock().release())
print(repr(t))
t.start()
t.join()
attempt("start twice", t.start)
attempt("daemon after start", lambda: setattr(t, "daemon", True))
print(repr(t).split(",")[0], t.is_alive())


class NoInit(threading.Thread):
    def __init__(self):
        pass


x = NoInit()
attempt("noinit start", x.start)
attempt("noinit join", x.join)
attempt("noinit name", lambda: x.name)
attempt("noinit repr", lambda: repr(x))
attempt("noinit is_alive", x.is_alive)
attempt("noinit daemon set", lambda: setattr(x, "daemon", True))
attempt("noinit daemon", lambda: x.daemon)
attempt("noinit ident", lambda: x.ident)
attempt("noinit native_id", lambda: x.native_id)

print(threading.Thread(target=print).name, threading.Thread(name=5).name)
print(threading.Thread(target=1).name, threading.Timer(1, print).name)
print(repr(threading.Thread(name="n", daemon=True)))
print(type(threading.local()).__name__, type(threading.local()).__module__)


class MyLocal(threading.local):
    pass


attempt("sub local dict", lambda: setattr(MyLocal(), "__dict__", {}))
print(repr(threading.Condition(threading.Lock())).split(" object")[0])
print(issubclass(threading.BrokenBarrierError, RuntimeError), threading.ThreadError)
print(threading.TIMEOUT_MAX > 1000, threading.Lock is __import__("_thread").allocate_lock)
