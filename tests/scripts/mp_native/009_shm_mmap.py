# What multiprocessing.shared_memory does underneath: a POSIX shared memory
# object sized with ftruncate and mapped with mmap, opened again by name in
# a forked child.
import mmap
import os
import sys
import _posixshmem

name = "/gilt-shm-map-%d" % os.getpid()
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
os.ftruncate(fd, 8192)
buf = mmap.mmap(fd, 8192)
os.close(fd)
print(len(buf), buf.size(), buf[:4])

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    cfd = _posixshmem.shm_open(name, os.O_RDWR)
    view = mmap.mmap(cfd, 0)
    os.close(cfd)
    view[0:5] = b"hello"
    view[8191] = 255
    view.close()
    os._exit(0)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(buf[:5], buf[8191], buf.find(b"llo"))
buf.close()
_posixshmem.shm_unlink(name)
