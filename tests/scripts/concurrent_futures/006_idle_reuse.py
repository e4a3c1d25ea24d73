# An idle worker is reused before a new thread is started (CPython 3.8+):
# submitting and waiting in turn runs everything on one thread.
import threading
from concurrent.futures import ThreadPoolExecutor


def wait_until_idle(ex):
    # The worker releases _idle_semaphore when it is free again; take that
    # permit and give it back.
    ex._idle_semaphore.acquire(timeout=30)
    ex._idle_semaphore.release()


with ThreadPoolExecutor(max_workers=4) as ex:
    names = set()
    for i in range(10):
        names.add(ex.submit(lambda: threading.current_thread().name).result())
        wait_until_idle(ex)
    print(sorted(names), len(ex._threads))

    # Work submitted while every worker is busy starts new ones, up to
    # max_workers.
    release = threading.Event()
    started = threading.Semaphore(0)

    def busy():
        started.release()
        release.wait(timeout=30)
        return threading.current_thread().name

    busy_futures = [ex.submit(busy) for _ in range(6)]
    for _ in range(4):
        started.acquire(timeout=30)
    print(len(ex._threads), sum(f.running() for f in busy_futures))
    release.set()
    print(sorted(set(f.result() for f in busy_futures)))
