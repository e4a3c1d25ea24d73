# asyncio.timeout and timeout_at: expiry becomes TimeoutError, reschedule,
# expired(), an outside cancellation stays CancelledError, nesting.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.02) as cm:
            print(repr(cm)[:17])
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out, expired:", cm.expired(), repr(cm))
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
        print("when", cm.when())
        cm.reschedule(loop.time() + 1)
        print(cm.when() > loop.time())
    print("expired:", cm.expired(), repr(cm))
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout_at", type(e.__cause__).__name__)
    try:
        async with asyncio.timeout(1):
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
    except TimeoutError:
        print("inner fired")
    try:
        async with asyncio.timeout(0.01):
            async with asyncio.timeout(1):
                await asyncio.sleep(1)
    except TimeoutError:
        print("outer fired")

    async def victim():
        async with asyncio.timeout(10):
            await asyncio.sleep(1)

    t = asyncio.create_task(victim())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outside cancel stays CancelledError")
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with asyncio.timeout(-1) as cm2:
        pass
    print(cm2.expired())


asyncio.run(main())
