# Claim: threads do not make CPU-bound Python faster, because only the thread
# holding the GIL runs bytecode.
#
#     gilt samples/teaching/01_cpu_threads.py
#     gilt -X gilstats -X giltimeline samples/teaching/01_cpu_threads.py
import threading
import time

N = 2_000_000


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


start = time.perf_counter()
work(N)
work(N)
sequential = time.perf_counter() - start

start = time.perf_counter()
cpu_start = time.process_time()
threads = [threading.Thread(target=work, args=(N,), name=f"cpu-{i}") for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
cores_busy = (time.process_time() - cpu_start) / threaded

print(f"two jobs one after the other: {sequential:.2f} s")
print(f"the same two jobs in two threads: {threaded:.2f} s")
print(f"threaded / sequential = {threaded / sequential:.2f} (1.0 means no speed-up)")
# Wall times wander on a busy machine; the CPU time is the telling number:
# two threads computing in parallel would keep two cores busy.
print(f"cores busy while the threads ran: {cores_busy:.2f}")
print("claim holds: one core at a time" if cores_busy < 1.3 else "claim fails: parallel")
