# 50,000 small messages from one process to another through a
# multiprocessing.Queue (a pipe, a feeder thread and pickling).
import multiprocessing as mp

N = 50_000


def consume(q, out):
    total = 0
    for item in iter(q.get, None):
        total += item[0]
    out.put(total)


if __name__ == "__main__":
    q = mp.Queue()
    out = mp.Queue()
    p = mp.Process(target=consume, args=(q, out))
    p.start()
    for i in range(N):
        q.put((i, "msg"))
    q.put(None)
    print(out.get())
    p.join()
