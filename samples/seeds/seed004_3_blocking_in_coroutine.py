# Seed document 004's pitfall, "calling blocking functions (time.sleep,
# requests.get) inside a coroutine ... use await asyncio.sleep and aiohttp",
# and its advice "use asyncio.to_thread (for I/O) or loop.run_in_executor":
# five tasks each fetch /delay/1 from the local httpbin (HTTPBIN_URL, or one
# started in this process) three ways. A blocking requests.get stalls every
# task (the event loop waits for each call in turn: ~5s); aiohttp and
# run_in_executor let the waits overlap (~1s). A ticker task counts how
# often the loop got to run meanwhile.
import asyncio
import concurrent.futures
import os
import time

import aiohttp
import requests

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

URL = BASE + "/delay/1"
N = 5


async def ticker(stop, ticks):
    while not stop.is_set():
        ticks.append(1)
        await asyncio.sleep(0.05)


async def blocking_fetch(session, pool):
    return requests.get(URL).status_code          # blocks the event loop


async def aiohttp_fetch(session, pool):
    async with session.get(URL) as resp:
        await resp.read()
        return resp.status


async def executor_fetch(session, pool):
    loop = asyncio.get_running_loop()
    resp = await loop.run_in_executor(pool, requests.get, URL)
    return resp.status_code


async def run(kind, fetch):
    stop, ticks = asyncio.Event(), []
    tick_task = asyncio.create_task(ticker(stop, ticks))
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=N) as pool:
        async with aiohttp.ClientSession() as session:
            statuses = await asyncio.gather(*(fetch(session, pool) for _ in range(N)))
    elapsed = time.time() - start
    stop.set()
    await tick_task
    print(f"{kind}: {elapsed:.2f}s statuses={sorted(set(statuses))} loop ticks={len(ticks)}")


async def main():
    await run("blocking requests.get in coroutines", blocking_fetch)
    await run("aiohttp", aiohttp_fetch)
    await run("run_in_executor(requests.get)", executor_fetch)

asyncio.run(main())
