# wait(): ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, timeouts, and the
# DoneAndNotDoneFutures it returns.
import threading
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION,
                                Future, ThreadPoolExecutor, wait)

names = {}


def new(name, result=None, error=None):
    f = Future()
    names[f] = name
    if error is not None:
        f.set_exception(error)
    elif result is not None:
        f.set_result(result)
    return f


def show(res):
    return sorted(names[f] for f in res.done), sorted(names[f] for f in res.not_done)


ok1, ok2, bad, pending = new("ok1", 1), new("ok2", 2), new("bad", error=OSError()), new("pending")
res = wait([ok1, ok2])
print(type(res).__name__, res._fields, type(res.done).__name__, show(res))
print(show(wait([ok1, pending], return_when=FIRST_COMPLETED)))
print(show(wait([ok1, bad, pending], return_when=FIRST_EXCEPTION)))
print(show(wait([ok1, ok2], return_when=FIRST_EXCEPTION)))
print(show(wait([ok1, pending], timeout=0.05)))
print(show(wait([ok1, pending], timeout=0.05, return_when=FIRST_EXCEPTION)))
print(show(wait([pending], timeout=0, return_when=FIRST_COMPLETED)))
print(show(wait([])))
print(show(wait([ok1, ok1, ok2])))

# A future cancelled but not yet handed back to its executor is not done
# for wait(); once notified it is.
cancelled = new("cancelled")
cancelled.cancel()
print(show(wait([cancelled], timeout=0)))
cancelled.set_running_or_notify_cancel()
print(show(wait([cancelled], timeout=0)))

# With threads: each return_when wakes at the right moment.
events = {name: threading.Event() for name in ("slow", "fast", "fails")}


def task(name):
    events[name].wait(timeout=30)
    if name == "fails":
        raise RuntimeError(name)
    return name


with ThreadPoolExecutor(max_workers=3) as ex:
    futures = {ex.submit(task, n): n for n in events}
    names.update(futures)
    events["fast"].set()
    print(show(wait(futures, return_when=FIRST_COMPLETED)))
    events["fails"].set()
    print(show(wait(futures, return_when=FIRST_EXCEPTION)))
    print(show(wait(futures, timeout=0.05)))
    events["slow"].set()
    print(show(wait(futures, return_when=ALL_COMPLETED)))
    # FIRST_EXCEPTION without any exception waits for all.
    gate = threading.Event()
    more = {ex.submit(gate.wait, 30): "w1", ex.submit(gate.wait, 30): "w2"}
    names.update(more)
    threading.Timer(0.05, gate.set).start()
    print(show(wait(more, return_when=FIRST_EXCEPTION)))

# An unknown return_when is refused once wait() would have to wait.
print(show(wait([ok1], return_when="bogus")))
try:
    wait([pending], timeout=0, return_when="bogus")
except ValueError as e:
    print("ValueError:", e)
