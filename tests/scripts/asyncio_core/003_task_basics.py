# Tasks: names, results, exceptions, current_task and all_tasks.
import asyncio


async def child(n):
    await asyncio.sleep(0)
    me = asyncio.current_task()
    return n, me.get_name()


async def failing():
    await asyncio.sleep(0)
    raise RuntimeError("boom")


async def main():
    main_task = asyncio.current_task()
    print(main_task.get_name(), isinstance(main_task, asyncio.Task))
    t = asyncio.create_task(child(1), name="worker")
    print(t.get_name(), t.done())
    print(len(asyncio.all_tasks()), main_task in asyncio.all_tasks())
    print(await t)
    t.set_name(77)
    print(repr(t.get_name()))
    u = asyncio.create_task(child(2))
    print(await u)
    print(u.get_coro().__qualname__)
    f = asyncio.create_task(failing())
    try:
        await f
    except RuntimeError as e:
        print("caught", e, f.done(), type(f.exception()).__name__)
    print(len(asyncio.all_tasks()))
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError:", e)
    c = child(3)
    print(await asyncio.ensure_future(c))
    print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(child), asyncio.iscoroutinefunction(main_task.get_name))


print(asyncio.run(main()))
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
