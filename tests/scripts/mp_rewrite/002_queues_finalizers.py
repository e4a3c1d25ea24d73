# Queue timeouts and capacity, JoinableQueue accounting across a child, and
# the order Finalize runs callbacks in at exit.
import multiprocessing as mp
from multiprocessing import util


def child(q, jq):
    q.put(("hi", 1))
    item = jq.get()
    jq.task_done()
    q.put(item)


class Owner:
    pass


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    q, jq = ctx.Queue(2), ctx.JoinableQueue()
    p = ctx.Process(target=child, args=(q, jq))
    p.start()
    print(q.get(timeout=10))
    jq.put(42)
    jq.join()
    print(q.get(timeout=10))
    p.join()
    print("child exit", p.exitcode)

    q.put(1)
    q.put(2)
    for attempt in (lambda: q.put(3, timeout=0.01), lambda: q.put_nowait(3)):
        try:
            attempt()
        except Exception as exc:
            print(type(exc).__name__)
    print(q.qsize(), q.full(), q.get(), q.get(), q.empty())
    for attempt in (q.get_nowait, lambda: q.get(timeout=0.01)):
        try:
            attempt()
        except Exception as exc:
            print(type(exc).__name__)
    q.close()
    q.join_thread()
    try:
        q.put(1)
    except ValueError as exc:
        print(str(exc).startswith("Queue <multiprocessing.queues.Queue object at"),
              str(exc).endswith("is closed"))
    jq.put(1)
    jq.task_done()
    try:
        jq.task_done()
    except ValueError as exc:
        print(exc)

    owner = Owner()
    f = util.Finalize(owner, print, args=("owner collected",))
    print(f.still_active())
    del owner
    print(f.still_active())
    util.Finalize(None, print, args=("exit priority 1",), exitpriority=1)
    util.Finalize(None, print, args=("exit priority 5",), exitpriority=5)
    util.Finalize(None, print, args=("exit priority 5, later",), exitpriority=5)
    dropped = util.Finalize(None, print, args=("cancelled",), exitpriority=9)
    dropped.cancel()
    print(dropped.still_active(), repr(dropped))
    print("main done")
