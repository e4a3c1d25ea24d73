# How the cost of building N containers grows with N while the cycle
# collector runs: with generations it is O(N) amortised, so the time per
# object stays flat from 10**5 to 10**7. Usage: gc_scaling.py [N] [kind]
# (kind: list or instance). Prints N, the kind and CPU nanoseconds per object.
import sys
import time


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def build(n, kind):
    out = []
    append = out.append
    if kind == "instance":
        for i in range(n):
            append(Pair(i, i))
    else:
        for i in range(n):
            append([i, i])
    return out


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
kind = sys.argv[2] if len(sys.argv) > 2 else "list"
# CPU time of this process: on a shared machine wall time also counts
# the other processes.
start = time.process_time()
keep = build(n, kind)
elapsed = time.process_time() - start
print(n, kind, round(elapsed * 1e9 / n, 1), "ns/object")
