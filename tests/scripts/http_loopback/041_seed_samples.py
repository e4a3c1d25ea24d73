# The seed samples (samples/seeds/seed*.py) run against a local httpbin
# given by HTTPBIN_URL; python3 runs them with the real requests. Ports
# and timings are masked; the output of as_completed loops is sorted.
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(HERE, "..", "..", "..", "stdlib", "lib"))
import httpbin

SAMPLES = os.path.join(HERE, "..", "..", "..", "samples", "seeds")
server, base = httpbin.serve_in_thread()
env = dict(os.environ, HTTPBIN_URL=base, IMAGE_SIZE="90")

for name, sort in [("seed000_1_threads_fetch.py", False), ("seed000_2_download_files.py", True),
                   ("seed002_1_fetch_json.py", False), ("seed003_2_thread_pool.py", True),
                   ("seed003_3_image_pipeline.py", False), ("seed004_1_threads_fetch.py", False)]:
    done = subprocess.run([sys.executable, os.path.join(SAMPLES, name)], env=env,
                          capture_output=True, text=True, timeout=120)
    out = done.stdout.replace(base, "BASE")
    out = re.sub(r"\d+\.\d+s", "N.Ns", out)
    lines = out.splitlines()
    print("==", name, done.returncode, repr(done.stderr[-200:]))
    for line in sorted(lines) if sort else lines:
        print(line)
server.shutdown()
server.server_close()
