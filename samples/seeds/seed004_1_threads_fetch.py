# Seed document 004, program 1: threads fetching a page ten times, against
# the local httpbin (HTTPBIN_URL, or one started in this process) instead
# of example.com.
import os
import threading
import requests
import time

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

urls = [BASE + "/html" for _ in range(10)]
def fetch_url(url):
    resp = requests.get(url)
    print(f"Fetched {url} length {len(resp.text)}")
start = time.time()
threads = []
for url in urls:
    t = threading.Thread(target=fetch_url, args=(url,))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print(f"Done in {time.time() - start:.2f}s")
