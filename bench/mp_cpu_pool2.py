# The CPU-bound work of threads_cpu_seq split over a multiprocessing Pool(2):
# with a process per core the time should be about half the sequential one
# (compare with threads_cpu_seq; bench/compare --processes shows the ratio).
import multiprocessing as mp
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import cpu_split


def chunk(i):
    out = [0]
    cpu_split.work(cpu_split.N, out, 0)
    return out[0]


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(sum(pool.map(chunk, range(cpu_split.CHUNKS), chunksize=1)))
