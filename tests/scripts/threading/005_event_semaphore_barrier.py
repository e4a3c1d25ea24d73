import threading

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
seen = []


def waiter():
    seen.append(ev.wait())


ts = [threading.Thread(target=waiter) for _ in range(3)]
for t in ts:
    t.start()
ev.set()
for t in ts:
    t.join()
print(seen, ev.is_set(), ev.wait(0))
ev.clear()
print(ev.is_set())
print(repr(ev).split(" at ")[0], repr(ev).endswith(": unset>"))

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print(sem.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    sem.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)

active = 0
peak = 0
guard = threading.Lock()
pool = threading.BoundedSemaphore(2)


def limited():
    global active, peak
    with pool:
        with guard:
            active += 1
            peak = max(peak, active)
        threading.Event().wait(0.01)
        with guard:
            active -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak <= 2:", peak <= 2)
try:
    pool.release()
except ValueError as e:
    print("ValueError:", e)

order = []
barrier = threading.Barrier(3, action=lambda: order.append("action"))
print(barrier.parties, barrier.n_waiting, barrier.broken)


def party(i):
    idx = barrier.wait()
    order.append(idx)


ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order[0], sorted(order[1:]))
b2 = threading.Barrier(2)
try:
    b2.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print(b2.broken)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", type(e).__mro__[1].__name__)
