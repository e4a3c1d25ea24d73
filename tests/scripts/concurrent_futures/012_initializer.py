# initializer/initargs run once in each worker before its first task; a
# failing initializer breaks the pool (BrokenThreadPool) and is logged.
import io
import sys
import threading
from concurrent.futures import BrokenExecutor, ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool

local = threading.local()
inits = []


def init(tag, count):
    local.tag = f"{tag}-{count}"
    inits.append(threading.current_thread().name)


barrier = threading.Barrier(2)


def together():
    # Two tasks that wait for each other run on two workers.
    barrier.wait(timeout=30)
    return local.tag


with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("w", 7)) as ex:
    print([f.result() for f in [ex.submit(together) for _ in range(2)]])
    print([f.result() for f in [ex.submit(together) for _ in range(2)]])
print(sorted(inits))  # once per worker


def bad_init():
    raise ValueError("cannot set up")


captured = io.StringIO()
saved, sys.stderr = sys.stderr, captured
try:
    ex = ThreadPoolExecutor(max_workers=1, initializer=bad_init)
    f = ex.submit(abs, -1)
    exc = f.exception(timeout=30)
finally:
    sys.stderr = saved
print(type(exc).__name__, exc, isinstance(exc, BrokenExecutor), isinstance(exc, RuntimeError))
lines = captured.getvalue().splitlines()
print(lines[0], lines[1], lines[-1])
try:
    ex.submit(abs, -2)
except BrokenThreadPool as e:
    print("submit:", type(e).__name__, e)
print(ex._broken)
ex.shutdown()
