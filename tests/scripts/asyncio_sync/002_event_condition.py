# Event and Condition: waking all or some waiters, wait_for predicates,
# errors on a lock not held, and cancellation inside Condition.wait.
import asyncio


async def waiter(name, event, log):
    log.append(f"{name} waits")
    await event.wait()
    log.append(f"{name} woke")
    return name


async def consumer(name, cond, items, log):
    async with cond:
        await cond.wait_for(lambda: items)
        log.append(f"{name} got {items.pop(0)}")


async def main():
    ev = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(n, ev, log)) for n in "xy"]
    await asyncio.sleep(0)
    print(ev.is_set(), "unset" in repr(ev), log)
    ev.set()
    ev.set()
    print(await asyncio.gather(*tasks), log)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print("event wait timed out")

    cond = asyncio.Condition()
    items = []
    log = []
    consumers = [asyncio.create_task(consumer(n, cond, items, log)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0)
    async with cond:
        items.append(1)
        cond.notify()
    await asyncio.sleep(0.01)
    print(log)
    async with cond:
        items.extend([2, 3])
        cond.notify_all()
    await asyncio.gather(*consumers)
    print(log)
    for method in (cond.notify, cond.wait):
        try:
            r = method()
            if asyncio.iscoroutine(r):
                await r
        except RuntimeError as e:
            print("RuntimeError:", e)

    async def cancelled_waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("cancelled in wait, holds lock again:", cond.locked())
                raise

    t = asyncio.create_task(cancelled_waiter())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled(), cond.locked())

    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with shared:
        print(lock.locked())


asyncio.run(main())
