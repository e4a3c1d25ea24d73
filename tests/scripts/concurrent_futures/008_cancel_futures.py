# shutdown(cancel_futures=True) cancels the work not started yet; the running
# task finishes.  cancel() on a queued future keeps it from running.
import threading
from concurrent.futures import ThreadPoolExecutor

started = threading.Event()
release = threading.Event()
ran = []


def blocker():
    started.set()
    release.wait(timeout=30)
    ran.append("blocker")
    return "blocker done"


def quick(i):
    ran.append(i)
    return i


ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(blocker)
started.wait(timeout=30)
queued = [ex.submit(quick, i) for i in range(5)]
print(first.running(), [f.running() for f in queued])

# Cancelling one queued future: the worker skips it later.
print(queued[0].cancel(), queued[0].cancelled())

ex.shutdown(wait=False, cancel_futures=True)
print([f.cancelled() for f in queued], first.cancel())
release.set()
ex.shutdown(wait=True)
print(first.result(), ran)

# Without cancel_futures the queued work runs before shutdown returns.
started.clear()
release.clear()
ran.clear()
ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(blocker)
started.wait(timeout=30)
queued = [ex.submit(quick, i) for i in range(3)]
print(queued[1].cancel())
release.set()
ex.shutdown(wait=True)
print(ran, [f.cancelled() for f in queued], [f.done() for f in queued])
