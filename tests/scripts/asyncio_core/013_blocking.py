# A blocking call inside a coroutine blocks the whole loop, as in CPython:
# the other task's timer cannot fire until the blocking call returns.
import asyncio
import time

events = []


async def ticker():
    await asyncio.sleep(0.01)
    events.append("tick")


async def blocker():
    events.append("block start")
    time.sleep(0.05)
    events.append("block end")


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await blocker()
    await t
    print(events)
    start = time.monotonic()
    await asyncio.gather(*(asyncio.sleep(0.05) for _ in range(100)))
    print("100 sleeps of 0.05 s overlap:", time.monotonic() - start < 1)


asyncio.run(main())
