# golden-needs: requests
# requests over HTTPS to the local httpbin with a self-signed certificate:
# verify= a CA file, verify=False, REQUESTS_CA_BUNDLE, and the failure
# when the certificate is not trusted.
import os
import sys
import ssl

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "..", "..", "..", "stdlib", "lib"))
import httpbin
import requests
import warnings

from tls_helper import make_cert

warnings.simplefilter("ignore")
CERT, KEY = make_cert()
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(CERT, KEY)
server, base = httpbin.serve_in_thread(tls_context=context)
print(base.startswith("https://127.0.0.1:"))

r = requests.get(base + "/get?x=1", verify=CERT, timeout=10)
print(r.status_code, r.json()["args"], r.json()["url"].startswith("https://"))
r = requests.get(base.replace("127.0.0.1", "localhost") + "/ip", verify=False, timeout=10)
print(r.status_code, r.json())
try:
    requests.get(base + "/get", timeout=10)
except requests.exceptions.SSLError as e:
    print("SSLError", isinstance(e, requests.exceptions.ConnectionError),
          "CERTIFICATE_VERIFY_FAILED" in str(e))
os.environ["REQUESTS_CA_BUNDLE"] = CERT
with requests.Session() as s:
    print([s.get(base + "/status/%d" % c).status_code for c in (200, 201, 404)])
    print(s.post(base + "/post", json={"tls": True}).json()["json"])
server.shutdown()
server.server_close()
