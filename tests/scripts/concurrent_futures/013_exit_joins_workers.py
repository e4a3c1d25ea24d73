# Workers are joined when the interpreter exits: work submitted without
# shutdown() still completes, and its callbacks run, after the script ends.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

go = threading.Event()


def late_work():
    go.wait(timeout=30)
    time.sleep(0.1)
    print("work finished after the script's last line")
    return 7


ex = ThreadPoolExecutor(max_workers=1)
f = ex.submit(late_work)
f.add_done_callback(lambda fut: print("callback got", fut.result()))
print("last line of the script")
go.set()
