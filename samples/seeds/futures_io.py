from concurrent.futures import ThreadPoolExecutor
import time
def io_task(n):
    time.sleep(1)
    return n
with ThreadPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(io_task, range(4)))
print(results)
