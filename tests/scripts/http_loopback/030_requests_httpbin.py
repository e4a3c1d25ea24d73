# golden-needs: requests
# The requests API against the local httpbin: under gilt its own requests
# module and httpbin; under python3 the real requests package and the same
# httpbin module (found through sys.path) on CPython's http.server.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "..", "..", "..", "stdlib", "lib"))
import httpbin
import requests

server, base = httpbin.serve_in_thread()
port = server.server_address[1]


def show_url(url):
    return url.replace(str(port), "PORT")


r = requests.get(base + "/get", params={"q": "gilt", "n": [1, 2], "skip": None}, timeout=10)
print(r.status_code, r.ok, r.reason, bool(r), repr(r), show_url(r.url))
print(r.headers["content-type"], r.headers.get("CONTENT-TYPE"), "content-length" in r.headers)
print(r.encoding, type(r.content).__name__, type(r.text).__name__)
data = r.json()
print(data["args"], data["headers"]["Accept"], data["headers"]["Connection"],
      data["headers"]["Accept-Encoding"], data["origin"])

r = requests.post(base + "/post", json={"a": [1, 2], "b": None}, timeout=10)
d = r.json()
print(r.status_code, d["json"], d["headers"]["Content-Type"], d["data"])
r = requests.post(base + "/post", data={"k": "v w", "n": ["1", "2"]}, headers={"X-Extra": "yes"})
d = r.json()
print(d["form"], d["headers"]["Content-Type"], d["headers"]["X-Extra"])
r = requests.post(base + "/post", data=b"raw bytes")
print(r.json()["data"], r.json()["headers"].get("Content-Type"))
r = requests.put(base + "/put", data="text body")
print(r.json()["data"])
print(requests.patch(base + "/patch", json=[1]).json()["json"])
print(requests.delete(base + "/delete").json()["url"].endswith("/delete"))
r = requests.head(base + "/get")
print(r.status_code, r.text == "", r.headers["Content-Type"])
print(requests.request("GET", base + "/headers", headers={"X-Custom": "1"}).json()["headers"]["X-Custom"])

for code in (200, 204, 404, 418, 500, 503):
    r = requests.get(base + "/status/%d" % code)
    try:
        r.raise_for_status()
        print(code, "ok", r.ok, repr(r.text))
    except requests.exceptions.HTTPError as e:
        print(code, show_url(str(e)), e.response.status_code, r.ok,
              isinstance(e, requests.exceptions.RequestException))

r = requests.get(base + "/redirect/3")
print(r.status_code, show_url(r.url), [h.status_code for h in r.history],
      [show_url(h.url) for h in r.history])
r = requests.get(base + "/redirect/2", allow_redirects=False)
print(r.status_code, r.is_redirect, r.headers["Location"], r.history)
r = requests.post(base + "/redirect-to?url=/anything&status_code=307", data=b"kept")
print(r.status_code, r.json()["method"], r.json()["data"])
r = requests.post(base + "/redirect-to?url=/anything&status_code=302", data=b"dropped")
print(r.status_code, r.json()["method"], repr(r.json()["data"]))
s = requests.Session()
s.max_redirects = 2
try:
    s.get(base + "/redirect/5")
except requests.exceptions.TooManyRedirects as e:
    print("TooManyRedirects", e)
s.close()

try:
    requests.get(base + "/delay/1", timeout=0.3)
except requests.exceptions.ReadTimeout as e:
    print("ReadTimeout", isinstance(e, requests.exceptions.Timeout),
          isinstance(e, requests.exceptions.ConnectionError))
r = requests.get(base + "/delay/0.2", timeout=(5, 5))
print(r.status_code, r.elapsed.total_seconds() >= 0.2)

probe = __import__("socket").socket()
probe.bind(("127.0.0.1", 0))
free = probe.getsockname()[1]
probe.close()
try:
    requests.get("http://127.0.0.1:%d/" % free, timeout=5)
except requests.exceptions.ConnectionError as e:
    print("ConnectionError", type(e).__name__, isinstance(e, requests.exceptions.Timeout))
for bad in ["example.com/x", "ftp://example.com/x"]:
    try:
        requests.get(bad)
    except (requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema) as e:
        print(type(e).__name__, e, isinstance(e, ValueError))

r = requests.get(base + "/bytes/1000?seed=1")
print(len(r.content), r.headers["Content-Type"])
try:
    r.json()
except requests.exceptions.JSONDecodeError as e:
    print("JSONDecodeError", isinstance(e, ValueError))
r = requests.get(base + "/bytes/1000", stream=True)
sizes = [len(c) for c in r.iter_content(chunk_size=300)]
print(sizes, sum(sizes))
r = requests.get(base + "/stream/3", stream=True)
lines = list(r.iter_lines())
print(len(lines), [requests.compat.json.loads(l)["id"] if hasattr(requests, "compat") else 0
                   for l in lines] and sorted(__import__("json").loads(l)["id"] for l in lines))
r = requests.get(base + "/image/png?width=8&height=4")
print(r.status_code, r.headers["Content-Type"], r.content[:8], len(r.content) > 50)
print(requests.get(base + "/json").json()["slideshow"]["title"])
print(requests.get(base + "/ip").json())

with requests.Session() as s:
    s.headers.update({"X-Session": "one"})
    out = [s.get(base + "/headers").json()["headers"].get("X-Session") for _ in range(3)]
    print(out, s.get(base + "/headers", headers={"X-Session": None}).json()["headers"].get("X-Session"))
print(requests.codes.ok, requests.codes.not_found, requests.codes["teapot"])
h = requests.structures.CaseInsensitiveDict({"Content-Type": "a"})
h["content-type"] = "b"
print(dict(h), list(h), h["CONTENT-TYPE"], "Content-type" in h)
server.shutdown()
server.server_close()
