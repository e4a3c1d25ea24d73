# run_in_executor and to_thread: blocking work in threads while the loop
# keeps running; results, exceptions, contexts.
import asyncio
import concurrent.futures
import contextvars
import threading
import time

var = contextvars.ContextVar("var", default="unset")


def blocking(x, release):
    release.wait()
    return x * 10, threading.current_thread() is not threading.main_thread()


def failing():
    raise OSError("disk on fire")


def read_var(suffix):
    return var.get() + suffix


async def main():
    loop = asyncio.get_running_loop()
    release = threading.Event()
    fut = loop.run_in_executor(None, blocking, 4, release)
    print(isinstance(fut, asyncio.Future), fut.done())
    await asyncio.sleep(0.01)
    print("loop still runs while the thread blocks:", not fut.done())
    release.set()
    print(await fut)
    try:
        await loop.run_in_executor(None, failing)
    except OSError as e:
        print("OSError:", e)
    var.set("from main")
    print(await asyncio.to_thread(read_var, "!"))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        ev = threading.Event()
        results = await asyncio.gather(
            loop.run_in_executor(pool, blocking, 1, ev),
            loop.run_in_executor(pool, blocking, 2, ev),
            asyncio.to_thread(ev.set),
        )
        print(results)
    start = time.monotonic()
    await asyncio.gather(*(asyncio.to_thread(time.sleep, 0.05) for _ in range(4)))
    print("four 0.05 s sleeps in threads overlap:", time.monotonic() - start < 0.19)
    await loop.shutdown_default_executor()
    try:
        loop.run_in_executor(None, print)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.set_default_executor(5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
