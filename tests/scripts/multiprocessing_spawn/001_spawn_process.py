# The spawn start method: a fresh interpreter that imports the main script
# as __mp_main__, with queues, locks, values and pipes passed at start.
import multiprocessing as mp
import os
import sys


def where():
    return __name__


def child(q, lock, counter, conn, arr):
    with lock:
        counter.value += 1
    arr[0] = 42
    q.put((where(), mp.current_process().name, mp.parent_process().name,
           sys.argv[1:] == [], os.getpid() != mp.parent_process().pid))
    conn.send("via pipe")


class Job(mp.get_context("spawn").Process):
    def __init__(self, q):
        super().__init__()
        self.q = q

    def run(self):
        self.q.put(("subclass", type(self).__name__, __name__))


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    lock = ctx.Lock()
    counter = ctx.Value("i", 0)
    arr = ctx.Array("i", 3)
    a, b = ctx.Pipe()
    p = ctx.Process(target=child, args=(q, lock, counter, b, arr))
    p.start()
    print(q.get(timeout=60))
    print(a.recv())
    p.join()
    print(p.exitcode, counter.value, arr[:], p.name.startswith("SpawnProcess"))
    j = Job(q)
    j.start()
    print(q.get(timeout=60))
    j.join()
    with ctx.Pool(2) as pool:
        print(pool.map(abs, [-1, -2, -3]))
    mp.set_start_method("spawn", force=True)
    p = mp.Process(target=child, args=(q, lock, counter, b, arr))
    p.start()
    print(q.get(timeout=60)[0])
    print(a.recv())
    p.join()
    print(counter.value)
