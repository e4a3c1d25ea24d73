# Runs `count` threads that each call importer() while the module `held`
# is paused mid-body by the first of them; returns what each saw, in thread
# order. Threads report "ready" before they import; the body is released
# once all are ready (a short pause gives them time to reach the import
# lock, but the result is the same whether they wait there or arrive after).
import threading
import time

import it_gate


def run(held, importer, count=8):
    results = [None] * count
    ready = [threading.Event() for _ in range(count)]

    def worker(i):
        ready[i].set()
        try:
            results[i] = importer()
        except Exception as exc:
            results[i] = f"{type(exc).__name__}: {exc}"

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    threads[0].start()
    it_gate.started(held).wait()
    for t in threads[1:]:
        t.start()
    for event in ready:
        event.wait()
    time.sleep(0.05)
    it_gate.release(held)
    for t in threads:
        t.join()
    return results
