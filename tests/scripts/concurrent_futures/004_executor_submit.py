# ThreadPoolExecutor.submit: results, exceptions re-raised from result(),
# arguments, and the constructor's checks.
import os
import threading
from concurrent.futures import ThreadPoolExecutor


def add(a, b=0, *, c=0):
    return a + b + c


def fail(message):
    raise KeyError(message)


with ThreadPoolExecutor(max_workers=2) as ex:
    print(ex.submit(add, 1).result())
    print(ex.submit(add, 1, 2, c=3).result())
    print(ex.submit(add, a=5, b=6).result())
    print(ex.submit(str.upper, "hello").result())
    print(ex.submit(lambda: threading.current_thread() is threading.main_thread()).result())
    f = ex.submit(fail, "missing")
    try:
        f.result()
    except KeyError as e:
        print("re-raised:", type(e).__name__, e)
    print(type(f.exception()).__name__, f.done(), f.cancelled())
    # The same exception object every time, with its traceback growing.
    try:
        f.result()
    except KeyError as e:
        print(e is f.exception())
    # A BaseException from the call is captured too.
    g = ex.submit(lambda: (_ for _ in ()).throw(SystemExit(5)))
    print(type(g.exception()).__name__, g.exception().code)
    try:
        ex.submit()
    except TypeError as e:
        print("TypeError")

print(ThreadPoolExecutor()._max_workers == min(32, (os.cpu_count() or 1) + 4))
print(ThreadPoolExecutor(max_workers=3)._max_workers)
for bad in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ThreadPoolExecutor(initializer=42)
except TypeError as e:
    print("TypeError:", e)
try:
    ThreadPoolExecutor(max_workers=0, initializer=42)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)

# Many small tasks on few workers all complete.
with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(pow, i, 2) for i in range(50)]
print(sum(f.result() for f in futures), all(f.done() for f in futures))
