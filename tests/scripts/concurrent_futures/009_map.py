# Executor.map: results in order, several iterables, exceptions raised when
# their result is reached, timeout, chunksize accepted and ignored.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def square(x):
    return x * x


def check(x):
    if x == 3:
        raise ValueError(f"bad item {x}")
    return x


with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(square, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6])))  # zip: shortest wins
    print(list(ex.map(square, [])))
    print(list(ex.map(square, range(5), chunksize=2)))
    print(list(ex.map(square, range(5), timeout=30)))

    # Completion order does not matter: results come back in input order.
    events = [threading.Event() for _ in range(4)]

    def wait_turn(i):
        events[i].wait(timeout=30)
        if i > 0:
            events[i - 1].set()
        return i

    it = ex.map(wait_turn, range(3))
    events[2].set()  # the last item finishes first
    print(list(it))

    # The exception comes out of next() at its position; earlier results
    # were delivered first.
    got = []
    try:
        for value in ex.map(check, range(6)):
            got.append(value)
    except ValueError as e:
        print("raised:", e, "after", got)

    # All calls are submitted when map() is called, before iteration.
    calls = []
    ran_all = threading.Semaphore(0)

    def note(x):
        calls.append(x)
        ran_all.release()
        return x

    it = ex.map(note, range(4))
    for _ in range(4):
        ran_all.acquire(timeout=30)
    print(sorted(calls))
    print(list(it))

# timeout: counted from the call to map(); an item not ready in time raises
# TimeoutError, and the items after it are cancelled.
gate = threading.Event()
started = threading.Event()


def slow(x):
    if x == 1:
        started.set()
        gate.wait(timeout=30)
    return x


ex = ThreadPoolExecutor(max_workers=1)
it = ex.map(slow, range(4), timeout=1.5)
print(next(it))
started.wait(timeout=30)
t0 = time.monotonic()
try:
    next(it)
except TimeoutError as e:
    print("TimeoutError", repr(str(e)), time.monotonic() - t0 < 10)
gate.set()
ex.shutdown(wait=True)
print("after timeout: iterator done:", list(it))

# Closing the iterator early cancels what has not started.
gate.clear()
started.clear()
ran = []


def logged(x):
    ran.append(x)
    return slow(x)


ex = ThreadPoolExecutor(max_workers=1)
it = ex.map(logged, range(4))
print(next(it))
started.wait(timeout=30)  # item 1 is running, 2 and 3 are queued
it.close()
gate.set()
ex.shutdown(wait=True)
print("closed early, ran:", ran)
