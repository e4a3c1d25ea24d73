# Seed document 002, program 2: "asyncio — for I/O-bound with many
# connections": aiohttp fetches gathered on one thread, against the local
# httpbin (HTTPBIN_URL, or one started in this process) instead of the
# document's unnamed API. The document gives no URL list; its 100 URLs
# become 100 /delay/1 requests, and the sequential requests loop it
# compares with becomes 5 of them (SEED_SEQUENTIAL) and is scaled to 100.
import asyncio
import os
import time

import aiohttp
import requests

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

async def fetch_url(session, url):
    async with session.get(url) as response:
        return await response.json()

async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [fetch_url(session, url) for url in urls]
        return await asyncio.gather(*tasks)  # All concurrent, one thread!

urls = [BASE + "/delay/1?i=" + str(i) for i in range(100)]

start = time.time()
results = asyncio.run(fetch_all(urls))
asyncio_time = time.time() - start
print(f"asyncio (aiohttp): {len(results)} URLs in {asyncio_time:.2f}s")

sample = int(os.environ.get("SEED_SEQUENTIAL", "5"))
start = time.time()
for url in urls[:sample]:
    requests.get(url).json()
per_request = (time.time() - start) / sample
print(f"Sequential (requests): {per_request * len(urls):.2f}s for {len(urls)} URLs "
      f"(measured on {sample})")
print(f"speed-up: {per_request * len(urls) / asyncio_time:.1f}x")
