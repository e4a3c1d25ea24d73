# Seed document 000, program 2: "Practical Example: Download Files
# Concurrently" with ThreadPoolExecutor and as_completed, against the local
# httpbin (HTTPBIN_URL, or one started in this process).
import os
from concurrent.futures import ThreadPoolExecutor, as_completed
import requests

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

URLS = [
    BASE + "/delay/1",
    BASE + "/delay/2",
    BASE + "/delay/1",
]

def download(url):
    resp = requests.get(url, timeout=30)
    return url, resp.status_code

with ThreadPoolExecutor(max_workers=3) as executor:
    futures = {executor.submit(download, url): url for url in URLS}
    for future in as_completed(futures):
        url, status = future.result()
        print(f"{url} → {status}")
