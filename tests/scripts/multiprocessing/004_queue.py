# multiprocessing.Queue, JoinableQueue and SimpleQueue between processes.
import multiprocessing as mp
import queue


def producer(q, n):
    for i in range(n):
        q.put({"i": i, "sq": i * i})
    q.put(None)


def doubler(inq, outq):
    for item in iter(inq.get, None):
        outq.put(item * 2)
        inq.task_done()
    inq.task_done()


def simple_worker(sq, out):
    out.put(sq.get() + 1)


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, 50))
    p.start()
    items = list(iter(q.get, None))
    p.join()
    print(len(items), items[0], items[-1], p.exitcode)

    q = mp.Queue(maxsize=2)
    q.put(1)
    q.put(2)
    print("full:", q.full())
    try:
        q.put(3, timeout=0.01)
    except queue.Full:
        print("Full")
    try:
        q.put_nowait(3)
    except queue.Full:
        print("Full (nowait)")
    print(q.get(), q.get())
    try:
        q.get(timeout=0.01)
    except queue.Empty:
        print("Empty")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty (nowait)")
    print(q.qsize(), q.empty())
    q.put("x")
    print(q.get(timeout=5))
    q.close()
    q.join_thread()
    try:
        q.put(1)
    except ValueError as e:
        print("ValueError:", str(e).split(" is ")[-1])

    jq = mp.JoinableQueue()
    out = mp.Queue()
    w = mp.Process(target=doubler, args=(jq, out))
    w.start()
    for i in range(10):
        jq.put(i)
    jq.put(None)
    jq.join()
    print(sorted(out.get() for _ in range(10)))
    w.join()
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError:", e)

    sq = mp.SimpleQueue()
    res = mp.SimpleQueue()
    print(sq.empty())
    s = mp.Process(target=simple_worker, args=(sq, res))
    s.start()
    sq.put(41)
    print(res.get())
    s.join()
    sq.close()
    print(type(q).__name__, type(jq).__name__, type(sq).__name__)
