# Uncontended lock acquire/release, 2M times (the fast path of _thread.lock),
# plus the `with` form.
import threading

lock = threading.Lock()
n = 0
acquire = lock.acquire
release = lock.release
for _ in range(1_000_000):
    acquire()
    n += 1
    release()
for _ in range(1_000_000):
    with lock:
        n += 1
print(n, lock.locked())
