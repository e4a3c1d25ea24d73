# The CPU-bound work of threads_cpu_seq / _2 / _4: CHUNKS equal chunks run in
# `threads` threads (0: in the main thread, the sequential baseline). With a
# GIL the threads take turns, so the threaded time should stay close to the
# sequential one (bench/compare --threads shows the ratio).
import threading

CHUNKS = 4
N = 8_000_000


def work(n, out, i):
    total = 0
    for k in range(n):
        total += (k * k) % 7
    out[i] = total


def run(threads):
    results = [0] * CHUNKS
    if threads == 0:
        for i in range(CHUNKS):
            work(N, results, i)
        return sum(results)

    def worker(first):
        for i in range(first, CHUNKS, threads):
            work(N, results, i)

    pool = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return sum(results)
