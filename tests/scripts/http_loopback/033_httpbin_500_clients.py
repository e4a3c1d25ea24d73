# The local httpbin serves 500 clients connected at the same time: each
# thread connects, waits at a barrier until all are connected, then sends
# its request; every one gets its answer.
import http.client
import json
import os
import sys
import threading

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "..", "..", "..", "stdlib", "lib"))
import httpbin

CLIENTS = 500
server, base = httpbin.serve_in_thread()
port = server.server_address[1]
barrier = threading.Barrier(CLIENTS)
results = [None] * CLIENTS


def client(i):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.connect()
        barrier.wait()
        conn.request("GET", "/get?client=%d" % i)
        r = conn.getresponse()
        results[i] = (r.status, json.loads(r.read())["args"]["client"] == str(i))
    except Exception as e:
        results[i] = (type(e).__name__, str(e))
        barrier.abort()
    finally:
        conn.close()


threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(set(results)), results.count((200, True)))
server.shutdown()
server.server_close()
