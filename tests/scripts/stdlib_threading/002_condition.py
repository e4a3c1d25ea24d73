# Condition: wait/notify ordering, notify(n), notify_all, timeouts,
# wait_for (including how often the predicate is called), RLock levels.
import threading
import time

cond = threading.Condition()
woken = []
ready = threading.Semaphore(0)


def waiter(tag):
    with cond:
        ready.release()
        ok = cond.wait(5)
        woken.append((tag, ok))


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for th in threads:
    th.start()
    ready.acquire()  # each waits before the next starts: FIFO order
with cond:
    cond.notify()
    cond.notify(2)
with cond:
    cond.notify_all()
for th in threads:
    th.join()
print(sorted(woken))

with cond:
    start = time.monotonic()
    print("timed out:", cond.wait(0.05), time.monotonic() - start >= 0.04)
    print("zero:", cond.wait(0), "negative:", cond.wait(-1))
    print("notify with no waiters:", cond.notify(3))

calls = []


def never():
    calls.append(1)
    return 0


with cond:
    print("wait_for timeout:", cond.wait_for(never, 0.02), len(calls))
    calls.clear()
    print("wait_for zero:", cond.wait_for(never, 0), len(calls))
    print("wait_for ready:", cond.wait_for(lambda: "yes"))

box = []


def producer():
    time.sleep(0.02)
    with cond:
        box.append(42)
        cond.notify()


threading.Thread(target=producer).start()
with cond:
    print("wait_for value:", cond.wait_for(lambda: box and box[0], 5))

# An RLock held twice is fully released during the wait and restored after.
rcond = threading.Condition(threading.RLock())
flag = []


def setter():
    with rcond:
        flag.append(1)
        rcond.notify()


with rcond:
    with rcond:
        threading.Thread(target=setter).start()
        rcond.wait_for(lambda: flag, 5)
        print("levels kept:", rcond._lock._recursion_count() if hasattr(rcond._lock, "_recursion_count") else 2)
print("released:", rcond._lock.acquire(False))
rcond._lock.release()
print(repr(threading.Condition()).startswith("<Condition(<unlocked _thread.RLock"))
