# Queue, PriorityQueue, LifoQueue: producer/consumer, bounded puts,
# task_done/join, nowait errors, cancelled getters and timeouts.
import asyncio


async def producer(q, items):
    for item in items:
        await q.put(item)


async def consumer(name, q, log):
    while True:
        item = await q.get()
        log.append((name, item))
        await asyncio.sleep(0.001)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize(), str(q))
    log = []
    workers = [asyncio.create_task(consumer(n, q, log)) for n in ("w1", "w2")]
    await producer(q, range(6))
    await q.join()
    print(sorted(item for _, item in log))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

    q2 = asyncio.Queue(1)
    q2.put_nowait("a")
    try:
        q2.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull", str(q2))
    print(q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q2.task_done()
        q2.task_done()
    except ValueError as e:
        print("ValueError:", e)

    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for item in "xyz":
        await lq.put(item)
    print([await lq.get() for _ in range(3)])

    q3 = asyncio.Queue()
    try:
        await asyncio.wait_for(q3.get(), 0.01)
    except TimeoutError:
        print("get timed out", str(q3))
    g1 = asyncio.create_task(q3.get())
    g2 = asyncio.create_task(q3.get())
    await asyncio.sleep(0)
    q3.put_nowait("only")
    g1.cancel()
    await asyncio.sleep(0)
    print(g1.cancelled(), await g2)

    full = asyncio.Queue(1)
    full.put_nowait(0)
    p = asyncio.create_task(full.put(1))
    await asyncio.sleep(0)
    print("blocked put:", not p.done(), str(full))
    print(full.get_nowait())
    await p
    print(full.get_nowait(), full.empty())
    print(asyncio.Queue[int] is asyncio.Queue)


asyncio.run(main())
