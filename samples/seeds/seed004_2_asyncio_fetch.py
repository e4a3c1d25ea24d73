# Seed document 004, program 2: aiohttp fetching a page ten times with
# asyncio.gather, against the local httpbin (HTTPBIN_URL, or one started in
# this process) instead of example.com. The document prints no time; the
# last line adds one so the run can be compared with program 1's threads.
import os
import time

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

import asyncio
import aiohttp
async def fetch(session, url):
    async with session.get(url) as resp:
        return await resp.text()
async def main():
    urls = [BASE + "/delay/1" for _ in range(10)]
    async with aiohttp.ClientSession() as session:
        tasks = [fetch(session, url) for url in urls]
        results = await asyncio.gather(*tasks)
    print(f"Fetched {len(results)} pages")
start = time.time()
asyncio.run(main())
print(f"Asyncio time: {time.time() - start:.2f}s")
