# A Queue's feeder writes what it has buffered in one go: many objects,
# an object that cannot be pickled in the middle (reported, the others
# still arrive in order), and a reader in another process.
import multiprocessing as mp
import multiprocessing.queues
import sys


class Queue2(mp.queues.Queue):
    @staticmethod
    def _on_queue_feeder_error(e, obj):
        print("feeder error:", type(e).__name__, file=sys.stderr)


def consume(q, out):
    got = []
    for item in iter(q.get, None):
        got.append(item)
    out.put((len(got), got[:3], got[-1], sum(x[0] for x in got)))


if __name__ == "__main__":
    q = mp.Queue()
    out = mp.Queue()
    p = mp.Process(target=consume, args=(q, out))
    p.start()
    for i in range(20000):
        q.put((i, "m" * (i % 7)))
    q.put(None)
    print(out.get())
    p.join()
    print(p.exitcode)

    q = Queue2(ctx=mp.get_context())
    q.put(1)
    q.put(lambda: 0)
    q.put(3)
    print(q.get(), q.get())
    q.put(b"x" * 300000)
    print(len(q.get()))
    q.close()
    q.join_thread()

    sq = mp.SimpleQueue()
    sq.put([1, 2])
    sq.put("two")
    print(sq.get(), sq.get(), sq.empty())
