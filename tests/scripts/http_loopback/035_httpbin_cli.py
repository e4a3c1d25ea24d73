# golden-needs: requests
# `gilt -m httpbin`: the banner, a request, and --tls with its advice on
# trusting the certificate. (python3 runs the same module by path.)
import os
import re
import subprocess
import sys

import requests

LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "stdlib", "lib")
if sys.implementation.name == "gilt":
    COMMAND = [sys.executable, "-m", "httpbin"]
else:
    COMMAND = [sys.executable, "-c",
               "import sys; sys.path.append(%r); import httpbin; httpbin.main()" % LIB]


def start(*args):
    proc = subprocess.Popen(COMMAND + ["--port", "0", "--quiet", *args],
                            stdout=subprocess.PIPE, text=True)
    banner = [proc.stdout.readline()]
    if "--tls" in args:
        banner += [proc.stdout.readline() for _ in range(4)]
    return proc, banner


proc, banner = start()
port = re.search(r":(\d+)/", banner[0]).group(1)
print(banner[0].replace(port, "PORT"), end="")
r = requests.get("http://127.0.0.1:%s/get?from=cli" % port)
print(r.status_code, r.json()["args"])
proc.terminate()
proc.wait()

proc, banner = start("--tls")
port = re.search(r":(\d+)/", banner[0]).group(1)
cert = re.search(r": (\S+cert\.pem)", banner[1]).group(1)
for line in banner:
    print(line.replace(port, "PORT").replace(cert, "CERT"), end="")
r = requests.get("https://localhost:%s/json" % port, verify=cert)
print(r.status_code, r.json()["slideshow"]["author"])
proc.terminate()
proc.wait()
