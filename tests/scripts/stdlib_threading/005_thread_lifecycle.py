# Thread life cycle: states in repr, join timeouts, registry, Timer,
# excepthook arguments and a failing hook, deprecated aliases, local.
import sys
import threading
import time

release = threading.Event()
t = threading.Thread(target=release.wait, name="worker")
print(repr(t), t.is_alive(), t.ident, t.native_id)
t.start()
print(repr(t).startswith("<Thread(worker, started "), t.is_alive(), t.ident is not None)
print(t in threading.enumerate(), threading.active_count())
t.join(0.01)
print("after join timeout:", t.is_alive())
release.set()
t.join()
print(repr(t).startswith("<Thread(worker, stopped "), t.is_alive(), t in threading.enumerate())
print(threading.active_count(), threading.main_thread() is threading.current_thread())
print(repr(threading.main_thread()).startswith("<_MainThread(MainThread, started "))

d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, repr(d).endswith(" daemon)>"))
seen = []
outer = threading.Thread(target=lambda: seen.append(threading.Thread().daemon), daemon=True)
outer.start()
outer.join()
print("daemon inherited:", seen)


class Counter(threading.Thread):
    def __init__(self):
        super().__init__(name="counter")
        self.total = 0

    def run(self):
        self.total = sum(range(10))


c = Counter()
c.start()
c.join()
print(c.total, c.name)

fired = []
tm = threading.Timer(0.01, fired.append, args=("a",))
tm.start()
tm.join()
print(fired, tm.finished.is_set(), tm.interval, tm.args, tm.kwargs)
tm2 = threading.Timer(5, fired.append, kwargs={"x": 1})
tm2.start()
tm2.cancel()
tm2.join()
print(fired, tm2.finished.is_set())

# excepthook: the argument is a 4-tuple with named fields.
captured = []


def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                     len(args), isinstance(args, tuple), args[0] is args.exc_type))


threading.excepthook = hook
bad = threading.Thread(target=lambda: {}["missing"], name="bad")
bad.start()
bad.join()
print(captured)
A = threading.ExceptHookArgs
a = A([ValueError, None, None, None])
print(a.exc_type, a.thread, tuple(a) == (ValueError, None, None, None))
for wrong in ((1, 2, 3, 4), ([1, 2, 3],)):
    try:
        A(*wrong)
    except TypeError as exc:
        print("TypeError:", exc)


def broken_hook(args):
    raise RuntimeError("hook failed")


threading.excepthook = broken_hook
class Capture:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s

    def flush(self):
        pass


sys.stderr = capture = Capture()
t = threading.Thread(target=lambda: 1 / 0, name="zero")
t.start()
t.join()
sys.stderr = sys.__stderr__
lines = capture.text.splitlines()
print(lines[0], "|", lines[1], "|", lines[-1])
threading.excepthook = threading.__excepthook__
threading.excepthook = None
try:
    threading.Thread()
except RuntimeError as exc:
    print("RuntimeError:", exc)
threading.excepthook = threading.__excepthook__

# The deprecated camelCase aliases still answer (and warn).
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ev = threading.Event()
    cond = threading.Condition()
    with cond:
        cond.notifyAll()
    th = threading.Thread(name="old")
    th.setName("older")
    th.setDaemon(True)
    print(ev.isSet(), threading.currentThread().getName(), threading.activeCount(),
          th.getName(), th.isDaemon())
for w in caught:
    print(w.category.__name__, w.message)

# local: per-thread attributes, __init__ re-run per thread.
class Slot(threading.local):
    def __init__(self, value):
        self.value = value
        self.inits = getattr(self, "inits", 0) + 1


slot = Slot(7)
slot.value = 8
out = []


def peek():
    out.append((slot.value, slot.inits, hasattr(slot, "extra")))
    slot.value = 100


slot.extra = True
th = threading.Thread(target=peek)
th.start()
th.join()
print(out, slot.value, slot.extra)
del slot.extra
print(hasattr(slot, "extra"))
print(threading.gettrace(), threading.getprofile())
threading.settrace(print)
print(threading.gettrace() is print)
threading.settrace(None)
