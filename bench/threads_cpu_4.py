# CPU-bound work, the same total amount, split over 4 threads.
# With a GIL the threads take turns: threaded/sequential time should stay
# close to 1 (the switching overhead), the ratio bench/compare --threads shows.
import threading

CHUNKS = 4
N = 8_000_000


def work(n, out, i):
    total = 0
    for k in range(n):
        total += (k * k) % 7
    out[i] = total


results = [0] * CHUNKS
THREADS = 4


def worker(first):
    for i in range(first, CHUNKS, THREADS):
        work(N, results, i)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(results))
