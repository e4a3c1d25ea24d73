# The seed program (samples/seeds/futures_io.py) with a shorter sleep:
# four blocking calls on four threads overlap, since time.sleep releases
# the GIL.
from concurrent.futures import ThreadPoolExecutor
import time


def io_task(n):
    time.sleep(0.5)
    return n


start = time.monotonic()
with ThreadPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(io_task, range(4)))
elapsed = time.monotonic() - start
print(results)
print("overlapped:", elapsed < 1.5)  # one after another: 2 s
