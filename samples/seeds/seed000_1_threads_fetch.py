# Seed document 000, program 1: threads fetching pages, from the seed's
# "Threading — I/O-Bound Tasks". The URL points at the local httpbin
# (HTTPBIN_URL, or one started in this process) instead of example.com.
import os
import threading
import requests

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

def fetch(url, results, index):
    response = requests.get(url, timeout=10)
    results[index] = len(response.text)

urls = [BASE + "/html"] * 5
results = [None] * len(urls)
threads = []

for i, url in enumerate(urls):
    t = threading.Thread(target=fetch, args=(url, results, i))
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print(results)
