# TaskGroup: waits for its tasks, cancels the rest on the first failure,
# collects failures in an ExceptionGroup, and handles cancellation.
import asyncio


async def value(v, delay, log):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        log.append(f"{v} cancelled")
        raise
    log.append(f"{v} done")
    return v


async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(value("a", 0.02, log))
        b = tg.create_task(value("b", 0.01, log))
        print(repr(tg))
    print(a.result(), b.result(), log)

    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(value("slow", 1, log))
            tg.create_task(fail("one", 0.01))
            tg.create_task(fail("two", 0.01))
    except* ValueError as eg:
        print("ExceptionGroup:", eg.message, sorted(str(e) for e in eg.exceptions))
    print(log)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(value("bg", 1, log))
            raise KeyError("body")
    except* KeyError as eg:
        print("body error:", [repr(e) for e in eg.exceptions], log[-1])

    async def group_owner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(value("child", 1, log))
            await asyncio.sleep(1)

    t = asyncio.create_task(group_owner())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("owner cancelled", log[-1])

    tg = asyncio.TaskGroup()
    coro = value("x", 0, log)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    async with tg:
        pass
    coro = value("late", 0, log)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


asyncio.run(main())
