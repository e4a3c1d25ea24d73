# Event, Semaphore and BoundedSemaphore: return values, timeouts, waking.
import threading
import time

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01), repr(e).endswith(": unset>"))
e.set()
print(e.is_set(), e.wait(), e.wait(0), repr(e).endswith(": set>"))
e.clear()
print(e.is_set(), e.wait(-1))

results = []
gate = threading.Event()
ts = [threading.Thread(target=lambda: results.append(gate.wait(5))) for _ in range(3)]
for t in ts:
    t.start()
time.sleep(0.02)
gate.set()
for t in ts:
    t.join()
print("all woken:", results)

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01),
      s.acquire(True, 0), s.acquire(timeout=-1))
print(repr(s).startswith("<threading.Semaphore at 0x"), repr(s).endswith(": value=0>"))
s.release(3)
print(repr(s).endswith("value=3>"))
with s:
    print("inside with:", s._value)
print("after with:", s._value)

got = []
s0 = threading.Semaphore(0)
ws = [threading.Thread(target=lambda: got.append(s0.acquire(timeout=5))) for _ in range(3)]
for t in ws:
    t.start()
time.sleep(0.02)
s0.release(2)
s0.release()
for t in ws:
    t.join()
print("semaphore waiters:", got)

b = threading.BoundedSemaphore(2)
print(repr(b).endswith(": value=2/2>"), b.acquire(), b.acquire(), repr(b).endswith("value=0/2>"))
b.release(2)
for n in (1, 3):
    try:
        b.release(n)
    except ValueError as exc:
        print("bounded:", n, exc)
print(isinstance(b, threading.Semaphore), b._value)
try:
    b.release(0)
except ValueError as exc:
    print(exc)
