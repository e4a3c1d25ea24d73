# Done callbacks run in the worker thread that completed the future, or at
# once in the caller when the future is already done.
import threading
from concurrent.futures import ThreadPoolExecutor

where = []
gate = threading.Event()

with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cb") as ex:
    f = ex.submit(gate.wait, 30)
    f.add_done_callback(lambda fut: where.append(("pending", threading.current_thread().name)))
    gate.set()
    f.result()
    f.add_done_callback(lambda fut: where.append(("done", threading.current_thread().name)))
    g = ex.submit(int, "x")
    g.exception()
ex.shutdown()
print(where)
try:
    g.result()
except ValueError as e:
    print("ValueError:", e)
