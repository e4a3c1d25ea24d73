# Lock: mutual exclusion in FIFO order, release errors, cancellation of a
# waiter, async with.
import asyncio


async def worker(name, lock, log, delay):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(delay)
        log.append(f"{name} out")


async def main():
    lock = asyncio.Lock()
    print(lock.locked(), "unlocked" in repr(lock))
    log = []
    await asyncio.gather(*(worker(n, lock, log, 0.01) for n in "abc"))
    print(log)
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await lock.acquire(), lock.locked(), "locked" in repr(lock))
    waiter = asyncio.create_task(lock.acquire())
    other = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("waiters" in repr(lock))
    waiter.cancel()
    await asyncio.sleep(0)
    lock.release()
    await other
    print(waiter.cancelled(), other.result(), lock.locked())
    lock.release()

    # The woken waiter is cancelled before it runs: the lock goes to the next.
    await lock.acquire()
    first = asyncio.create_task(lock.acquire())
    second = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    first.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(first.cancelled(), second.done() and second.result(), lock.locked())

    try:
        async with asyncio.timeout(0.01):
            await lock.acquire()
    except TimeoutError:
        print("timed out waiting for the lock")


asyncio.run(main())
