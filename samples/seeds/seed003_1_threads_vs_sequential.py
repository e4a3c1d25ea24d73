# Seed document 003, program 1: sequential vs threaded requests, against
# the local httpbin (HTTPBIN_URL, or one started in this process) instead
# of httpbin.org.
import os
import threading
import time
import requests

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

# ── Sequential (SLOW) ──────────────────────────
def fetch_url(url):
    response = requests.get(url)
    return f"{url}: {response.status_code}"

urls = [
    BASE + "/delay/1",
    BASE + "/delay/1",
    BASE + "/delay/1",
    BASE + "/delay/1",
    BASE + "/delay/1",
]

# Sequential: each request waits for the previous one
start = time.time()
for url in urls:
    print(fetch_url(url))
print(f"Sequential: {time.time() - start:.1f}s")
# Output: ~5.0s (1 second per request x 5)

# ── Threaded (FAST) ───────────────────────────
results = []

def fetch_and_store(url):
    result = fetch_url(url)
    results.append(result)

start = time.time()
threads = []
for url in urls:
    t = threading.Thread(target=fetch_and_store, args=(url,))
    threads.append(t)
    t.start()

# Wait for all threads to finish
for t in threads:
    t.join()

for r in results:
    print(r)
print(f"Threaded: {time.time() - start:.1f}s")
# Output: ~1.1s (all 5 requests run simultaneously!)
# That's a 5x speedup — because threads release the GIL during I/O
