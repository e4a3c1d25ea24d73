# _multiprocessing.SemLock as multiprocessing.Lock, Semaphore and RLock use
# it: kind SEMAPHORE (1) with maxvalue 1 is a Lock, RECURSIVE_MUTEX (0) an
# RLock.
import os
import _multiprocessing
from _multiprocessing import SemLock

RECURSIVE_MUTEX, SEMAPHORE = 0, 1
prefix = "/mp-gilt-t1-%d-" % os.getpid()

print(sorted(n for n in ("SemLock", "sem_unlink", "flags") if hasattr(_multiprocessing, n)))
print(SemLock.SEM_VALUE_MAX == 2**31 - 1, _multiprocessing.flags["HAVE_SEM_OPEN"])

# A Lock: free, taken, busy, free again.
lock = SemLock(SEMAPHORE, 1, 1, prefix + "lock", True)
print(isinstance(lock.handle, int), lock.kind, lock.maxvalue, lock.name)
print(lock._get_value(), lock._is_zero(), lock._count(), lock._is_mine())
print(lock.acquire(), lock._get_value(), lock._is_zero(), lock._count(), lock._is_mine())
print(lock.acquire(False), lock.acquire(block=False), lock.acquire(timeout=0))
lock.release()
print(lock._get_value(), lock._count())
try:
    lock.release()
except ValueError as e:
    print("ValueError:", e)

# with: __enter__ returns True, __exit__ releases whatever happened.
with lock as got:
    print("inside", got, lock._get_value())
print("after", lock._get_value())
try:
    with lock:
        raise KeyError("x")
except KeyError:
    print("released after error:", lock._get_value())

# A counting semaphore.
sem = SemLock(SEMAPHORE, 3, 3, prefix + "sem", True)
print([sem.acquire(False) for _ in range(4)], sem._count(), sem._get_value())
sem.release()
sem.release()
print(sem._get_value(), sem._count())
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

# An unbounded semaphore (multiprocessing.Semaphore): maxvalue is SEM_VALUE_MAX.
free = SemLock(SEMAPHORE, 0, SemLock.SEM_VALUE_MAX, prefix + "free", True)
for _ in range(5):
    free.release()
print(free._get_value(), free._count())

# A recursive mutex: the owner may take it again and must release as often.
rlock = SemLock(RECURSIVE_MUTEX, 1, 1, prefix + "rlock", True)
try:
    rlock.release()
except AssertionError as e:
    print("AssertionError:", e)
print(rlock.acquire(), rlock.acquire(), rlock.acquire(False), rlock._count(), rlock._get_value())
rlock.release()
print(rlock._count(), rlock._is_mine(), rlock._get_value())
rlock.release()
print(rlock._count(), rlock._is_mine(), rlock._get_value())
try:
    rlock.release()
except AssertionError as e:
    print("AssertionError:", e)

# _after_fork forgets this process's acquisitions (the semaphore keeps its value).
rlock.acquire()
rlock._after_fork()
print(rlock._count(), rlock._is_mine(), rlock._get_value())
