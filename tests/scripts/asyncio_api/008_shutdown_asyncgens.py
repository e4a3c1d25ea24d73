# Async generators left unfinished are finalised by their loop: a dropped one
# through the loop's finalizer hook (its aclose() runs as a task), the rest by
# loop.shutdown_asyncgens(), which asyncio.run calls before closing the loop.
import asyncio
import sys


async def ticker(name, log):
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        log.append(f"{name} cleanup start")
        await asyncio.sleep(0)
        log.append(f"{name} cleanup done")


log = []
kept = []


async def main():
    firstiter, finalizer = sys.get_asyncgen_hooks()
    print("hooks installed", firstiter is not None, finalizer is not None)
    dropped = ticker("dropped", log)
    print(await anext(dropped))
    del dropped
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log)
    g = ticker("kept", log)
    kept.append(g)
    print(await anext(g), await anext(g))
    async for v in ticker("broken", log):
        if v == 1:
            break
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log)


asyncio.run(main())
print(log)
print("after run", sys.get_asyncgen_hooks())


async def manual():
    g = ticker("manual", log)
    kept.append(g)
    await anext(g)


log.clear()
loop = asyncio.new_event_loop()
loop.run_until_complete(manual())
print("before shutdown", log)
loop.run_until_complete(loop.shutdown_asyncgens())
print("after shutdown", log)
loop.close()


def gen():
    try:
        yield 1
    finally:
        print("plain generator closed")


x = gen()
next(x)
del x
print("end")
