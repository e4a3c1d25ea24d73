# golden-needs: requests
# The seeds' point about I/O-bound threads (samples/seeds/seed003_1_*):
# five requests to /delay take five delays one after another and about one
# delay in threads, because the GIL is released while a thread waits.
import os
import sys
import threading
import time

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "..", "..", "..", "stdlib", "lib"))
import httpbin
import requests

server, BASE = httpbin.serve_in_thread()
DELAY = 0.4
urls = [BASE + "/delay/%s" % DELAY] * 5


def fetch_url(url):
    response = requests.get(url)
    return f"{response.status_code} {response.json()['url'] == url}"


start = time.time()
sequential = [fetch_url(url) for url in urls]
seq_time = time.time() - start

results = []
lock = threading.Lock()


def fetch_and_store(url):
    result = fetch_url(url)
    with lock:
        results.append(result)


start = time.time()
threads = [threading.Thread(target=fetch_and_store, args=(url,)) for url in urls]
for t in threads:
    t.start()
for t in threads:
    t.join()
thr_time = time.time() - start

print(sequential)
print(sorted(results))
print("sequential took at least 5 delays:", seq_time >= 5 * DELAY)
print("threaded took less than 2 delays:", thr_time < 2 * DELAY)
server.shutdown()
server.server_close()
