# Cancellation: of a sleeping task, of a task before it starts, with a
# message, caught and ignored, and uncancel/cancelling counts.
import asyncio


async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(("cancelled", e.args))
        raise
    return "never"


async def stubborn(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("ignored")
    return "finished anyway"


async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting raised CancelledError", e.args)
    print(t.cancelled(), t.done(), log)
    print(t.cancel())

    t2 = asyncio.create_task(sleeper(log))
    t2.cancel(msg="stop now")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("before start:", e.args, log[-1:])

    t3 = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    t3.cancel("with message")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t3.cancelled(), log[-1])
    try:
        t3.result()
    except asyncio.CancelledError as e:
        print("result raised", e.args)

    t4 = asyncio.create_task(stubborn(log))
    await asyncio.sleep(0)
    t4.cancel()
    print(await t4, t4.cancelled(), t4.cancelling(), t4.uncancel(), t4.uncancel())

    t5 = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    t5.cancel()
    t5.cancel()
    print(t5.cancelling())
    await asyncio.gather(t5, return_exceptions=True)
    print(t5.cancelled())


asyncio.run(main())
