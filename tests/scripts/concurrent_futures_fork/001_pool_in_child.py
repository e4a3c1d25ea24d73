# A forked child can make and use its own thread pool while the parent's
# pool keeps working; the parent's workers do not exist in the child.
# (Its own area, outside the threads suite: ThreadSanitizer cannot follow a
# child that starts threads after a fork from a multi-threaded process.)
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

parent_pool = ThreadPoolExecutor(max_workers=2)
print("parent before fork:", parent_pool.submit(pow, 2, 10).result())
sys.stdout.flush()

pid = os.fork()
if pid == 0:
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(abs, [-1, -2, -3]))
    print("child:", results, threading.active_count())
    sys.stdout.flush()
    os._exit(0)

_, status = os.waitpid(pid, 0)
print("child exit status:", os.waitstatus_to_exitcode(status))
print("parent after fork:", parent_pool.submit(pow, 3, 3).result())
parent_pool.shutdown()
