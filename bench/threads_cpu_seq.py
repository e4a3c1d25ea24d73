# CPU-bound work, the same total amount, run sequentially in one thread (the baseline of threads_cpu_2 and threads_cpu_4).
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
for i in range(CHUNKS):
    work(N, results, i)
print(sum(results))
