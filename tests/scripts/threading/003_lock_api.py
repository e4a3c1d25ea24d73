import threading
import _thread


def shape(r):
    return r.split(" at ")[0]


lock = threading.Lock()
print(type(lock).__name__, type(lock) is _thread.LockType)
print(shape(repr(lock)))
print(lock.acquire())
print(shape(repr(lock)), lock.locked())
print(lock.acquire(False))
print(lock.acquire(timeout=0.01))
print(lock.acquire(blocking=False))
print(lock.acquire(0), lock.acquire(1, 0.01), lock.acquire(True, 0.01), lock.acquire(False, -1))
lock.release()
print(lock.locked())
for args in [(False, 1), (True, -2), (0, 0.5)]:
    try:
        lock.acquire(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())

r = threading.RLock()
print(shape(repr(r)))
print(r.acquire(), r.acquire())
print(r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested ok")

# An RLock held by one thread cannot be released by another.
r.acquire()
errors = []


def other():
    try:
        r.release()
    except RuntimeError as e:
        errors.append(str(e))
    errors.append(r.acquire(timeout=0.01))


t = threading.Thread(target=other)
t.start()
t.join()
print(errors)
r.release()

# A plain lock may be released by another thread.
l2 = threading.Lock()
l2.acquire()
t = threading.Thread(target=l2.release)
t.start()
t.join()
print(l2.locked())
print(_thread.error is RuntimeError, threading.ThreadError is RuntimeError)
print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, threading.TIMEOUT_MAX > 1e9)
print(isinstance(threading.get_ident(), int), isinstance(threading.get_native_id(), int))
