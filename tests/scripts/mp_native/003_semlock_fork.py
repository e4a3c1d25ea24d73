# A semaphore shared with a forked child: the two processes hand a token
# back and forth, each blocking until the other releases.
import os
import sys
from _multiprocessing import SemLock

prefix = "/mp-gilt-t3-%d-" % os.getpid()
ping = SemLock(1, 0, 1, prefix + "ping", True)
pong = SemLock(1, 0, 1, prefix + "pong", True)
r, w = os.pipe()

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    seen = []
    for i in range(5):
        ping.acquire()
        seen.append(i)
        pong.release()
    os.write(w, repr(seen).encode())
    os._exit(0)
os.close(w)
rounds = 0
for i in range(5):
    ping.release()
    if pong.acquire(timeout=30):
        rounds += 1
print("rounds", rounds)
print(os.read(r, 100).decode())
os.close(r)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# A lock the parent holds is held for the child too; the child is not its
# owner (after _after_fork, as multiprocessing calls it), and its release
# frees it for the parent.
lock = SemLock(1, 1, 1, prefix + "lock", True)
rlock = SemLock(0, 1, 1, prefix + "rlock", True)
lock.acquire()
rlock.acquire()
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    rlock._after_fork()
    out = [lock.acquire(False), rlock._is_mine(), rlock._count(), rlock.acquire(timeout=0.01)]
    lock.release()
    os.write(w, repr(out).encode())
    os._exit(0)
os.close(w)
print(os.read(r, 100).decode())
os.close(r)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(lock._get_value(), lock.acquire(False), rlock._is_mine(), rlock._count())

# A named semaphore re-opened by name (what a spawned child does).
named = SemLock(1, 0, 1, prefix + "named", False)
print(named.name == prefix + "named")
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    again = SemLock._rebuild(0, 1, 1, prefix + "named")
    again.release()
    os._exit(0 if again.name == named.name and again.kind == 1 else 1)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(named.acquire(timeout=30), named._get_value())
from _multiprocessing import sem_unlink

sem_unlink(prefix + "named")
