# A thread that cannot be created: a stack larger than the address space
# makes pthread_create fail, and Thread.start() raises RuntimeError "can't
# start new thread" with nothing left behind: the thread is not counted as
# alive, and the same Thread object starts once a sane size is back.
import _thread
import threading

results = []
for size in [2**47, 2**50]:
    print("stack_size was", threading.stack_size(size))
    t = threading.Thread(target=results.append, args=("ran",))
    try:
        t.start()
        print("started")
    except RuntimeError as e:
        print(type(e).__name__, e)
    print("alive:", t.is_alive(), "active:", threading.active_count(),
          "listed:", t in threading.enumerate())
    try:
        _thread.start_new_thread(results.append, ("raw",))
        print("started")
    except RuntimeError as e:
        print("_thread:", type(e).__name__, e)
    threading.stack_size(0)
    t.start()
    t.join()
    print("after restoring the size:", results, t.is_alive())
    results.clear()

# A pool asked to run work when no thread can be made.
from concurrent.futures import ThreadPoolExecutor

threading.stack_size(2**47)
pool = ThreadPoolExecutor(max_workers=2)
try:
    print(pool.submit(pow, 2, 10).result())
except RuntimeError as e:
    print("pool:", type(e).__name__, e)
threading.stack_size(0)
pool.shutdown()
print("active at the end:", threading.active_count())
