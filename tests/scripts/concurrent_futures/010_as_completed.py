# as_completed: finished futures first, then each as it completes; each
# future once; TimeoutError with CPython's message.
import threading
from concurrent.futures import Future, ThreadPoolExecutor, as_completed

names = {}


def new(name):
    f = Future()
    names[f] = name
    return f


a, b, c = new("a"), new("b"), new("c")
b.set_result("B")
it = as_completed([a, b, c, b])  # b twice: yielded once
print(names[next(it)])
c.set_result("C")
print(names[next(it)])
a.set_exception(ValueError("A"))
print(names[next(it)])
print(list(it))

# Cancelled futures count once the executor side was told.
d, e = new("d"), new("e")
d.cancel()
d.set_running_or_notify_cancel()
e.set_result(1)
print(sorted(names[f] for f in as_completed([d, e])))

# Timeout: the message counts the unfinished futures.
f1, f2, f3 = new("f1"), new("f2"), new("f3")
f2.set_result(2)
got = []
try:
    for f in as_completed([f1, f2, f3], timeout=0.05):
        got.append(names[f])
except TimeoutError as exc:
    print("TimeoutError:", exc, got)
try:
    for f in as_completed([new("x")], timeout=0):
        pass
except TimeoutError as exc:
    print("TimeoutError:", exc)

# Nothing to wait for: an empty iterator, whatever the timeout.
print(list(as_completed([], timeout=0)))
print(len(list(as_completed([f2], timeout=0))))

# With an executor: tasks released one at a time, in reverse order.
events = [threading.Event() for _ in range(4)]


def task(i):
    events[i].wait(timeout=30)
    return i


with ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(task, i) for i in range(4)]
    order = []
    it = as_completed(futures, timeout=60)
    for i in reversed(range(4)):
        events[i].set()
        order.append(next(it).result())
    print(order, list(it))
