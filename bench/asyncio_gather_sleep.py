# 100,000 tasks each await asyncio.sleep(0.5), gathered: the cost of
# creating, scheduling and waking many tasks (time beyond the 0.5 s sleep)
# and the memory each one holds while it waits.
import asyncio

TASKS = 100_000


async def sleeper(i):
    await asyncio.sleep(0.5)
    return i


async def main():
    results = await asyncio.gather(*(sleeper(i) for i in range(TASKS)))
    print(len(results), sum(results))


asyncio.run(main())
