import threading

cond = threading.Condition()
items = []
consumed = []


def consumer():
    for _ in range(5):
        with cond:
            cond.wait_for(lambda: items)
            consumed.append(items.pop(0))


def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(consumed)

with cond:
    print(cond.wait(0.01))
    print(cond.wait_for(lambda: False, timeout=0.01))
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# notify_all wakes every waiter.
ready = []
go = False
lock_cond = threading.Condition(threading.Lock())


def waiter(i):
    with lock_cond:
        ready.append(i)
        lock_cond.notify_all()
        lock_cond.wait_for(lambda: go)


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
with lock_cond:
    lock_cond.wait_for(lambda: len(ready) == 4)
    go = True
    lock_cond.notify_all()
for t in threads:
    t.join()
print(sorted(ready), [t.is_alive() for t in threads])
print(repr(threading.Condition(threading.Lock())).split(" at ")[0])
