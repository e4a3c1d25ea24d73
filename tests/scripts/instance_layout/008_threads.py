# Threads reading and writing attributes of shared instances (the inline
# values and the dicts made on request), joined before anything is printed.
import threading


class Counter:
    def __init__(self):
        self.n = 0
        self.seen = []


lock = threading.Lock()
shared = [Counter() for _ in range(4)]
start = threading.Event()


def worker(tag):
    start.wait()
    for i in range(2000):
        c = shared[i % 4]
        with lock:
            c.n += 1
            if i % 500 == 0:
                c.seen.append(tag)
        if i == 1000:
            vars(shared[tag % 4])  # one instance moves to a dict mid-run
        setattr(c, f"t{tag}", i)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print([c.n for c in shared], sum(c.n for c in shared))
print([sorted(c.seen) for c in shared])
print([sorted(k for k in vars(c) if k.startswith("t")) for c in shared])
print([c.t0 for c in shared])
