# Claim: `counter += 1` is not atomic: it reads, adds and writes back, and a
# switch between the read and the write loses the other thread's updates. A
# lock around it makes the count exact again.
#
# CPython 3.11 (and gilt by default) switch threads only at backward jumps and
# calls, so this race is rare there; ask gilt to switch between any two
# instructions, or replay one interleaving exactly with a seed:
#
#     gilt -X switch=instruction samples/teaching/03_lost_update.py
#     gilt -X sched=42 samples/teaching/03_lost_update.py     # same output every run
import sys
import threading

sys.setswitchinterval(0.0002)  # many switches even on a fast machine
N = 1_000_000
counter = 0
lock = threading.Lock()
both_ready = threading.Barrier(2)  # so that the two threads really overlap


def unsafe():
    global counter
    both_ready.wait()
    for _ in range(N):
        counter += 1


def safe():
    global counter
    both_ready.wait()
    for _ in range(N):
        with lock:
            counter += 1


for name, body in (("without a lock", unsafe), ("with a lock", safe)):
    counter = 0
    threads = [threading.Thread(target=body, name=f"adder-{i}") for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{name}: counter = {counter}, expected {2 * N}, lost {2 * N - counter}")
