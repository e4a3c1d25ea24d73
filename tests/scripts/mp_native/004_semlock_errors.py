# SemLock's argument checks and OS errors, worded as CPython's.
import os
from _multiprocessing import SemLock, sem_unlink

prefix = "/mp-gilt-t4-%d-" % os.getpid()


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print("ok", r if not isinstance(r, SemLock) else "SemLock")
    except Exception as e:
        print(type(e).__name__, e)


attempt(SemLock, 2, 1, 1, prefix + "a", True)
attempt(SemLock, 0, 1, 1, None, True)
attempt(SemLock, 0, 1, 1, 5, True)
attempt(SemLock, "a", 1, 1, prefix + "a", True)
attempt(SemLock, 1.0, 1, 1, prefix + "a", True)
attempt(SemLock, 0, 1, 1, prefix + "a")
attempt(SemLock, 1, 2**31, 1, prefix + "a", True)
attempt(SemLock, 1, 2**80, 1, prefix + "a", True)
attempt(SemLock, 1, -1, 1, prefix + "a", True)
attempt(SemLock, 0, 1, 1, "bad/name", True)
attempt(SemLock, 0, 1, 1, "", True)
attempt(SemLock, kind=1, value=1, maxvalue=1, name=prefix + "kw", unlink=True)

# O_EXCL: a name in use is an error.
keep = SemLock(1, 1, 1, prefix + "keep", False)
attempt(SemLock, 1, 1, 1, prefix + "keep", False)
sem_unlink(prefix + "keep")
try:
    sem_unlink(prefix + "keep")
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    SemLock._rebuild(0, 1, 1, prefix + "keep")
except OSError as e:
    print(type(e).__name__, e.errno)
attempt(sem_unlink, 3)
attempt(SemLock._rebuild, 0, 1, 1, 5)
attempt(SemLock._rebuild, "x", 1, 1, None)
attempt(SemLock._rebuild, 0, "x", 1, None)
attempt(SemLock._rebuild, 0, 1, 1)

s = SemLock(1, 1, 1, prefix + "s", True)
attempt(s.acquire, foo=1)
attempt(s.acquire, True, 0, 1)
attempt(s.release, 1)
try:
    s.kind = 0
except AttributeError:
    print("kind is read-only")
print(s.kind, s.name)
