import threading
import time

def count(n):
    for _ in range(n): pass

# Sequential: 2.1s
start = time.time()
count(100_000_000)
count(100_000_000)
print(f"Sequential: {time.time() - start:.1f}s")
# Threaded: 2.1s (same! GIL prevents parallelism)
start = time.time()
t1 = threading.Thread(target=count, args=(100_000_000,))
t2 = threading.Thread(target=count, args=(100_000_000,))
t1.start(); t2.start(); t1.join(); t2.join()
print(f"Threaded: {time.time() - start:.1f}s")
# Multiprocessing: 1.1s (true parallelism, bypasses GIL)
from multiprocessing import Pool
start = time.time()
with Pool(2) as p:
    p.map(count, [100_000_000, 100_000_000])
print(f"Multiprocessing: {time.time() - start:.1f}s")
