# Seed document 003, program 2: "ThreadPoolExecutor: The Modern Way",
# against the local httpbin (HTTPBIN_URL, or one started in this process).
import os
from concurrent.futures import ThreadPoolExecutor, as_completed
import requests
import time

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

def fetch_url(url):
    """Fetch a URL and return the status code."""
    response = requests.get(url, timeout=10)
    return {"url": url, "status": response.status_code, "size": len(response.content)}

urls = [f"{BASE}/delay/{i % 3}" for i in range(10)]

# ── ThreadPoolExecutor ─────────────────────────
start = time.time()

with ThreadPoolExecutor(max_workers=5) as executor:
    # Submit all tasks
    future_to_url = {executor.submit(fetch_url, url): url for url in urls}

    # Collect results as they complete (not in submission order!)
    for future in as_completed(future_to_url):
        url = future_to_url[future]
        try:
            result = future.result()
            print(f"  {result['url']}: {result['status']} ({result['size']} bytes)")
        except Exception as e:
            print(f"  {url}: ERROR - {e}")

print(f"\nCompleted in {time.time() - start:.1f}s")
