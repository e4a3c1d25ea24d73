# wait_for, wait (each return_when), as_completed and shield, and how
# cancellation and timeouts reach each of them. Delays that decide an order
# differ by 0.3 s or more, so a loaded machine cannot swap them.
import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def fail(delay):
    await asyncio.sleep(delay)
    raise KeyError("failed")


async def main():
    print(await asyncio.wait_for(value("quick", 0.01), 1))
    print(await asyncio.wait_for(value("no limit", 0.01), None))
    t = asyncio.create_task(value("slow", 10))
    try:
        await asyncio.wait_for(t, 0.02)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e.__cause__).__name__, t.cancelled())
    try:
        await asyncio.wait_for(value("zero", 0.01), 0)
    except TimeoutError:
        print("timeout 0")

    a = asyncio.create_task(value("a", 0.01))
    b = asyncio.create_task(value("b", 1.0))
    c = asyncio.create_task(fail(0.3))
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_COMPLETED)
    print(sorted(x.get_name() == a.get_name() for x in done), len(pending))
    done, pending = await asyncio.wait([b, c], return_when=asyncio.FIRST_EXCEPTION)
    print(c in done, b in pending)
    done, pending = await asyncio.wait([b], timeout=0.001)
    print(len(done), len(pending))
    done, pending = await asyncio.wait([a, b, c])
    print(len(done), len(pending), sorted(str(type(x.exception()).__name__) for x in done))
    for bad, kw in (([], {}), (a, {}), ([a], {"return_when": "nope"})):
        try:
            await asyncio.wait(bad, **kw)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    coro = value(1, 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError", e)
    coro.close()

    order = []
    for nxt in asyncio.as_completed([value("third", 0.6), value("first", 0.01), value("second", 0.3)]):
        order.append(await nxt)
    print(order)
    try:
        for nxt in asyncio.as_completed([value("fast", 0.01), value("slow", 5)], timeout=0.5):
            print("as_completed got", await nxt)
    except TimeoutError:
        print("as_completed timed out")

    inner = asyncio.create_task(value("protected", 0.5))
    shielded = asyncio.shield(inner)
    waiter = asyncio.create_task(asyncio.wait_for(shielded, 0.01))
    try:
        await waiter
    except TimeoutError:
        print("shield timed out, inner cancelled:", inner.cancelled())
    print(await inner)
    done_inner = asyncio.create_task(value("already", 0))
    await done_inner
    print(asyncio.shield(done_inner) is done_inner)

    outer_wait = asyncio.create_task(asyncio.wait_for(value("x", 10), 5))
    await asyncio.sleep(0.01)
    outer_wait.cancel()
    try:
        await outer_wait
    except asyncio.CancelledError:
        print("wait_for cancelled from outside")
    await asyncio.sleep(0.06)


asyncio.run(main())
