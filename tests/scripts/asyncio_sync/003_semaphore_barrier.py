# Semaphore and BoundedSemaphore limit concurrency; Barrier releases its
# parties together, and reset/abort break waiters out.
import asyncio


async def limited(sem, name, state, log):
    async with sem:
        state["now"] += 1
        state["peak"] = max(state["peak"], state["now"])
        await asyncio.sleep(0.01)
        state["now"] -= 1
        log.append(name)


async def main():
    sem = asyncio.Semaphore(2)
    state = {"now": 0, "peak": 0}
    log = []
    await asyncio.gather(*(limited(sem, i, state, log) for i in range(6)))
    print(state["peak"], sorted(log), sem.locked(), "value:2" in repr(sem))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    s0 = asyncio.Semaphore(0)
    try:
        await asyncio.wait_for(s0.acquire(), 0.01)
    except TimeoutError:
        print("semaphore acquire timed out", s0.locked())
    s0.release()
    print(await s0.acquire(), s0.locked())

    barrier = asyncio.Barrier(3)
    print(repr(barrier)[-23:], barrier.parties, barrier.n_waiting, barrier.broken)
    order = []

    async def party(n):
        await asyncio.sleep(n * 0.01)
        order.append(f"arrive {n}")
        index = await barrier.wait()
        order.append(f"leave {n}")
        return index

    indices = await asyncio.gather(*(party(n) for n in range(3)))
    print(sorted(indices), order[:3], sorted(order[3:]))

    async def stuck():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            return f"broken: {e}"

    t = asyncio.create_task(stuck())
    await asyncio.sleep(0.01)
    print(barrier.n_waiting)
    await barrier.abort()
    print(await t, barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e)
    await barrier.reset()
    print(barrier.broken)

    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(stuck_on(b2))
    await asyncio.sleep(0.01)
    await b2.reset()
    print(await t)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


async def stuck_on(b):
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        return f"reset: {e}"


asyncio.run(main())
