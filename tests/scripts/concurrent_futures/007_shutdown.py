# shutdown(): waiting, refusing new work, repeated calls, context managers.
import threading
from concurrent.futures import ThreadPoolExecutor

order = []
gate = threading.Event()
started = threading.Event()


def slow(tag):
    started.set()
    gate.wait(timeout=30)
    order.append(tag)
    return tag


ex = ThreadPoolExecutor(max_workers=1)
f = ex.submit(slow, "task")
started.wait(timeout=30)
threading.Timer(0.05, gate.set).start()
ex.shutdown(wait=True)  # returns only after the task finished
order.append("after shutdown")
print(order, f.result())

for attempt in range(2):
    try:
        ex.submit(print, "never")
    except RuntimeError as e:
        print("RuntimeError:", e)
ex.shutdown()
ex.shutdown(wait=False)
print("repeated shutdown is fine")

# The context manager shuts down with wait=True, also on an exception.
with ThreadPoolExecutor(max_workers=2) as ex2:
    futures = [ex2.submit(pow, 2, i) for i in range(5)]
print([f.result() for f in futures])
try:
    ex2.submit(abs, 1)
except RuntimeError as e:
    print("after with:", e)

try:
    with ThreadPoolExecutor(max_workers=1) as ex3:
        ex3.submit(abs, -1)
        raise LookupError("inside with")
except LookupError as e:
    print("propagated:", e, ex3._shutdown)

# shutdown(wait=False) returns at once; the work still completes.
gate2 = threading.Event()
ex4 = ThreadPoolExecutor(max_workers=1)
f4 = ex4.submit(lambda: gate2.wait(timeout=30) and "done late")
ex4.shutdown(wait=False)
print("returned", f4.done())
gate2.set()
print(f4.result())
ex4.shutdown(wait=True)
print([t.is_alive() for t in ex4._threads])
