# _posixshmem: POSIX shared memory names, seen by a forked child.
import os
import sys
import _posixshmem

name = "/gilt-shm-%d" % os.getpid()
print(sorted(n for n in dir(_posixshmem) if not n.startswith("__")))

fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
print(fd > 2, os.get_inheritable(fd), oct(os.fstat(fd).st_mode & 0o777))
os.ftruncate(fd, 4096)
os.write(fd, b"hello")
print(os.fstat(fd).st_size)

# The child opens the same name and sees what the parent wrote, and the
# parent sees what the child writes.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    cfd = _posixshmem.shm_open(name, os.O_RDWR)
    data = os.read(cfd, 5)
    os.lseek(cfd, 100, 0)
    os.write(cfd, data.upper())
    os._exit(0 if data == b"hello" else 1)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
os.lseek(fd, 100, 0)
print(os.read(fd, 5))
os.close(fd)

try:
    _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename == name)
_posixshmem.shm_unlink(name)
for f, args in [(_posixshmem.shm_unlink, (name,)), (_posixshmem.shm_open, (name, os.O_RDWR))]:
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == name)

fd = _posixshmem.shm_open(path=name, flags=os.O_CREAT | os.O_RDWR, mode=0o640)
print(oct(os.fstat(fd).st_mode & 0o777))
os.close(fd)
_posixshmem.shm_unlink(path=name)

for args in [(b"/x", 0), ("/x", "a"), ("/x", 0, "m"), (None, 0)]:
    try:
        _posixshmem.shm_open(*args)
    except TypeError as e:
        print("TypeError:", e)
for args in [(-1, 10), (0,), ("x", 1)]:
    try:
        os.ftruncate(*args)
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
try:
    _posixshmem.shm_unlink(3)
except TypeError as e:
    print("TypeError:", e)
try:
    _posixshmem.shm_open("a/b", os.O_RDWR)
except OSError as e:
    print(type(e).__name__, e.errno)
