# Seed document 003's producer-consumer (its "Method 2: Queue"), told with
# asyncio for network work, the document's advice for I/O: a producer puts
# URLs of the local httpbin (HTTPBIN_URL, or one started in this process)
# on an asyncio.Queue, three consumers fetch them with aiohttp and a None
# per consumer says stop. Twelve /delay/1 fetches over three consumers take
# ~4s rather than ~12s.
import asyncio
import os
import time

import aiohttp

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

CONSUMERS = 3


async def producer(queue):
    for i in range(12):
        await queue.put(f"{BASE}/delay/1?item={i}")
    for _ in range(CONSUMERS):
        await queue.put(None)  # Sentinel: one per consumer


async def consumer(name, queue, session, results):
    while True:
        url = await queue.get()
        if url is None:
            break
        async with session.get(url) as resp:
            data = await resp.json()
        results.append((int(data["args"]["item"]), name))


async def main():
    queue = asyncio.Queue(maxsize=4)
    results = []
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(producer(queue),
                             *(consumer(f"c{i}", queue, session, results)
                               for i in range(CONSUMERS)))
    items = sorted(item for item, _ in results)
    print(f"Consumed {len(items)} items: {items}")
    print(f"consumers used: {len({name for _, name in results})}")

start = time.time()
asyncio.run(main())
print(f"Producer-consumer time: {time.time() - start:.2f}s")
