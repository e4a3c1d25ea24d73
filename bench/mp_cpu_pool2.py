# The work of mp_cpu_seq split over a multiprocessing Pool(2): with a
# process per core it should take about half as long (speed-up = time of
# mp_cpu_seq / time of this).
import multiprocessing as mp
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import mp_cpu

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(sum(pool.map(mp_cpu.chunk, range(mp_cpu.CHUNKS), chunksize=1)))
