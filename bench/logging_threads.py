# logging from 4 threads to a handler that formats each record and drops it
# (NullHandler-style: the formatting and locking are the work measured, not
# the I/O). Prints how many records each thread's logger emitted.
import logging
import threading


class CountingHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.count = 0
        self.chars = 0

    def emit(self, record):
        self.chars += len(self.format(record))
        self.count += 1


handler = CountingHandler()
handler.setFormatter(logging.Formatter("%(asctime)s %(threadName)s %(name)s %(levelname)s %(message)s"))
root = logging.getLogger()
root.addHandler(handler)
root.setLevel(logging.INFO)

N = 15000


def work(k):
    log = logging.getLogger("worker.%d" % k)
    for i in range(N):
        log.info("item %d of %s: %r", i, "batch", (k, i))
        log.debug("not emitted %d", i)
        if i % 1000 == 0:
            log.warning("checkpoint %d", i)


threads = [threading.Thread(target=work, args=(k,), name="T%d" % k) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(handler.count, handler.count == 4 * (N + N // 1000))
