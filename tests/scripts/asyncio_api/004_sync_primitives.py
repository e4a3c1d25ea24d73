# Queues and synchronisation primitives: every method the issue lists, and
# cancellation and timeouts reaching every awaiting primitive.
import asyncio


async def cancelled_while(name, coro_fn):
    t = asyncio.create_task(coro_fn())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(name, "cancelled", t.cancelled())


async def timed_out(name, aw):
    try:
        await asyncio.wait_for(aw, 0.01)
    except TimeoutError:
        print(name, "timed out")


async def queues():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    await q.put(1)
    q.put_nowait(2)
    print(q.qsize(), q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    await timed_out("Queue.put", q.put(3))
    print(await q.get(), q.get_nowait())
    q.task_done()
    q.task_done()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    await cancelled_while("Queue.get", q.get)
    for i in range(2):
        q.put_nowait(i)

    async def consumer():
        while True:
            await q.get()
            q.task_done()

    c = asyncio.create_task(consumer())
    await q.join()
    print("joined", q.empty())
    c.cancel()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)
    pq = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        pq.put_nowait(x)
    print("PriorityQueue", [pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in (1, 2, 3):
        await lq.put(x)
    print("LifoQueue", [await lq.get() for _ in range(3)])


async def locks():
    lock = asyncio.Lock()
    print("Lock", lock.locked())
    async with lock:
        print("held", lock.locked())
        await timed_out("Lock.acquire", lock.acquire())
        await cancelled_while("Lock.acquire", lock.acquire)
    print("released", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    print("acquire", await lock.acquire())
    lock.release()

    ev = asyncio.Event()
    print("Event", ev.is_set())
    await timed_out("Event.wait", ev.wait())
    await cancelled_while("Event.wait", ev.wait)
    waiter = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    print("wait ->", await waiter, ev.is_set())
    ev.clear()
    print("cleared", ev.is_set())

    cond = asyncio.Condition()
    got = []

    async def cwait(i):
        async with cond:
            await cond.wait()
            got.append(i)

    ws = [asyncio.create_task(cwait(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)
    print("Condition", sorted(got))
    flag = []

    async def pred():
        async with cond:
            return await cond.wait_for(lambda: flag)

    pt = asyncio.create_task(pred())
    await asyncio.sleep(0)
    flag.append(1)
    async with cond:
        cond.notify()
    print("wait_for", await pt)

    async def cond_wait():
        async with cond:
            await cond.wait()

    await cancelled_while("Condition.wait", cond_wait)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)

    sem = asyncio.Semaphore(2)
    await sem.acquire()
    async with sem:
        print("Semaphore locked", sem.locked())
        await timed_out("Semaphore.acquire", sem.acquire())
        await cancelled_while("Semaphore.acquire", sem.acquire)
    sem.release()
    print("after", sem.locked())
    bsem = asyncio.BoundedSemaphore(1)
    async with bsem:
        pass
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError", e)

    barrier = asyncio.Barrier(3)
    print("Barrier", barrier.parties, barrier.n_waiting, barrier.broken)

    async def bwait():
        return await barrier.wait()

    idx = await asyncio.gather(*(bwait() for _ in range(3)))
    print("indices", sorted(idx))
    await cancelled_while("Barrier.wait", bwait)
    await barrier.reset()
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print("BrokenBarrierError", barrier.broken)


async def main():
    await queues()
    await locks()


asyncio.run(main())
