# Blocking acquires: timeouts, and a waiting thread lets others run (the
# GIL is released while it waits).
import os
import threading
import time
from _multiprocessing import SemLock

prefix = "/mp-gilt-t2-%d-" % os.getpid()
lock = SemLock(1, 1, 1, prefix + "a", True)
lock.acquire()

t0 = time.monotonic()
print(lock.acquire(timeout=0.05), lock.acquire(True, 0.05))
elapsed = time.monotonic() - t0
print(elapsed >= 0.09, elapsed < 5)
# A negative timeout does not wait; block=False ignores the timeout.
print(lock.acquire(True, -1), lock.acquire(False, 100), lock.acquire(block=False, timeout=None))
try:
    lock.acquire(timeout="1")
except TypeError as e:
    print("TypeError:", e)

# Another thread waits for the semaphore while this one keeps running.
items = SemLock(1, 0, 2**31 - 1, prefix + "items", True)
results = []
waiting = threading.Event()


def consumer():
    waiting.set()
    for _ in range(3):
        results.append(items.acquire())
    results.append(items.acquire(timeout=0.05))


t = threading.Thread(target=consumer)
t.start()
waiting.wait()
total = sum(range(100000))  # runs while the consumer is blocked
for _ in range(3):
    items.release()
t.join()
print(total, results, items._get_value())

# A thread blocked without a timeout is woken by a release from another.
gate = SemLock(1, 0, 1, prefix + "gate", True)
order = []


def waiter():
    order.append(("waiter got", gate.acquire()))


t = threading.Thread(target=waiter)
t.start()
order.append("main releases")
gate.release()
t.join()
print(order)

# A recursive mutex held by one thread is not the other's to release.
rlock = SemLock(0, 1, 1, prefix + "r", True)
rlock.acquire()
out = []


def other():
    out.append(rlock._is_mine())
    out.append(rlock.acquire(timeout=0.01))
    try:
        rlock.release()
    except AssertionError as e:
        out.append(str(e))


t = threading.Thread(target=other)
t.start()
t.join()
print(out, rlock._is_mine(), rlock._count())
rlock.release()
