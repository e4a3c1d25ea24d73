# A Future driven by hand: its states, what each accessor answers in each,
# and the errors for transitions that are not allowed.
import concurrent.futures as cf
from concurrent.futures import CancelledError, Future, InvalidStateError


def show(f):
    # repr() without the address: "<Future state=...>"
    r = repr(f)
    return r[: r.index(" at ")] + r[r.index(" state=") :]


def flags(f):
    return (f.done(), f.running(), f.cancelled())


f = Future()
print(show(f), flags(f))
print(f.set_running_or_notify_cancel(), show(f), flags(f))
print("cancel while running:", f.cancel(), show(f))
f.set_result(42)
print(show(f), flags(f), f.result(), f.exception())
print(f.result(timeout=0), f.exception(timeout=0))

for attempt in (lambda: f.set_result(1), lambda: f.set_exception(ValueError())):
    try:
        attempt()
    except InvalidStateError as e:
        print("InvalidStateError", str(e).split(":")[0], str(e).endswith("state=finished returned int>"))

# set_result on a pending future is allowed: it never has to run.
g = Future()
g.set_result([1, 2])
print(show(g), g.result())

# A failure is re-raised by result() and handed back by exception().
h = Future()
h.set_exception(ValueError("bad value"))
print(show(h), flags(h))
try:
    h.result()
except ValueError as e:
    print("result raised", type(e).__name__, e, e is h.exception())
print(repr(h.exception()))

# Results of any type show their type's name.
for value in (None, "s", 1.5, (1,)):
    k = Future()
    k.set_result(value)
    print(show(k))

# Cancelling a pending future.
c = Future()
print("cancel:", c.cancel(), show(c), flags(c), "again:", c.cancel())
for getter in (c.result, c.exception):
    try:
        getter()
    except CancelledError as e:
        print(getter.__name__, "raised", type(e).__name__, repr(str(e)))
print("notify:", c.set_running_or_notify_cancel(), show(c), flags(c), c.cancel())
try:
    c.set_result(3)
except InvalidStateError as e:
    print("InvalidStateError", str(e).split(":")[0])

d = Future()
d.cancel()
try:
    d.set_exception(KeyError("k"))
except InvalidStateError as e:
    print("InvalidStateError", str(e).split(":")[0])

# A finished future cannot be cancelled.
e2 = Future()
e2.set_exception(OSError("io"))
print("cancel finished:", e2.cancel(), show(e2))
