# Ctrl-C while the main thread is blocked in SemLock.acquire raises
# KeyboardInterrupt there; the lock is not taken.
import os
import signal
import time
from _multiprocessing import SemLock

lock = SemLock(1, 0, 1, "/mp-gilt-t5-%d" % os.getpid(), True)
parent = os.getpid()
pid = os.fork()
if pid == 0:
    time.sleep(0.2)  # likely to find the parent blocked; the outcome is the same either way
    os.kill(parent, signal.SIGINT)
    os._exit(0)
try:
    lock.acquire()
    print("acquired")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), lock._get_value(), lock._count())

# A handler that does not raise lets the wait go on (PEP 475): the timed
# acquire still times out.
hits = []
signal.signal(signal.SIGUSR1, lambda signum, frame: hits.append(signum))
pid = os.fork()
if pid == 0:
    time.sleep(0.1)
    os.kill(parent, signal.SIGUSR1)
    os._exit(0)
print(lock.acquire(timeout=0.5))
os.waitpid(pid, 0)
print(hits == [signal.SIGUSR1])
