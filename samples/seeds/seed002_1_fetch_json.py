# Seed document 002, the I/O-bound half of "concurrent.futures — unified
# API for both": 100 JSON fetches over a ThreadPoolExecutor, against the
# local httpbin (HTTPBIN_URL, or one started in this process) instead of
# api.example.com. (The CPU-bound half is processes_unified_api.py.)
import os
from concurrent.futures import ThreadPoolExecutor
import requests

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

urls = [BASE + '/anything/' + str(i) for i in range(100)]
# I/O-bound: ThreadPoolExecutor
def fetch(url): return requests.get(url).json()
with ThreadPoolExecutor(max_workers=20) as ex:
    results = list(ex.map(fetch, urls))
print(len(results), results[0]["url"] == urls[0], results[-1]["url"] == urls[-1])
