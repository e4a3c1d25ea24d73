"""gilt's headline demo: the GIL, seen from Python.

Three experiments from the seed articles, run for real:
  1. CPU-bound work split over threads does not get faster (one GIL);
  2. I/O-bound work (sleeping here) does, because blocking calls release it;
  3. `counter += 1` needs a lock to be exact across threads.
"""
import threading
import time


def count(n):
    while n > 0:
        n -= 1


def timed(label, fn):
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    print(f"  {label:<28} {elapsed:6.2f}s")
    return elapsed


def run_threads(target, args_list):
    threads = [threading.Thread(target=target, args=args) for args in args_list]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


N = 8_000_000
print("1. CPU-bound: the same work, sequential and on 2 threads")
seq = timed("sequential", lambda: (count(N), count(N)))
par = timed("2 threads", lambda: run_threads(count, [(N,), (N,)]))
print(f"  threads/sequential = {par / seq:.2f}  (about 1: the GIL lets one thread run bytecode at a time)")

print("2. I/O-bound: 10 tasks that each sleep 0.2 s")
seq = timed("sequential", lambda: [time.sleep(0.2) for _ in range(10)])
par = timed("10 threads", lambda: run_threads(time.sleep, [(0.2,)] * 10))
print(f"  speed-up = {seq / par:.1f}x  (sleep releases the GIL, so the waits overlap)")

print("3. A shared counter, 4 threads x 100000 increments")
counter = 0
lock = threading.Lock()


def increment():
    global counter
    for _ in range(100_000):
        with lock:
            counter += 1


run_threads(increment, [()] * 4)
print(f"  with a lock: {counter} (expected 400000)")
