# Claim: threads do speed up I/O-bound work, because a thread that blocks
# (here: sleeps, as it would waiting for a network reply) releases the GIL.
#
#     gilt samples/teaching/02_io_threads.py
#     gilt -X giltimeline samples/teaching/02_io_threads.py
import threading
import time

JOBS = 4
WAIT = 0.2


def fetch():
    time.sleep(WAIT)  # stands for a request to a slow server


start = time.perf_counter()
for _ in range(JOBS):
    fetch()
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=fetch, name=f"io-{i}") for i in range(JOBS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start

print(f"{JOBS} waits one after the other: {sequential:.2f} s")
print(f"{JOBS} waits in {JOBS} threads: {threaded:.2f} s")
print(f"speed-up: {sequential / threaded:.1f}x")
print("claim holds: threads overlap their waits" if threaded < sequential / 2
      else "claim fails: no overlap")
