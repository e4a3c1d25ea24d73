# gather: order of results, return_exceptions, first failure, cancelling
# the outer future cancels the children, and an empty gather.
import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(value("a", 0.03), value("b", 0.01), value("c", 0.02)))
    print(await asyncio.gather())
    res = await asyncio.gather(value(1, 0.01), fail("x", 0.02), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in res])
    slow = asyncio.create_task(value("slow", 0.05))
    try:
        await asyncio.gather(fail("first", 0.01), slow)
    except ValueError as e:
        print("gather raised", e, "slow still running:", not slow.done())
    print(await slow)

    kids = [asyncio.create_task(value(i, 10)) for i in range(3)]
    outer = asyncio.gather(*kids)
    await asyncio.sleep(0)
    print(outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", [k.cancelled() for k in kids])

    t = asyncio.create_task(value("shared", 0.01))
    print(await asyncio.gather(t, t, value("other", 0)))
    c1 = asyncio.create_task(value(1, 10))
    res = asyncio.gather(c1, value(2, 0.01), return_exceptions=True)
    await asyncio.sleep(0)
    c1.cancel()
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in await res])


asyncio.run(main())
