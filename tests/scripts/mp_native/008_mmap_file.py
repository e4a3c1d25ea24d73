# mmap.mmap over a file: length 0 maps it all, writes reach the file,
# access modes, offsets, size() and resize().
import mmap
import os


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


d = "/tmp/gilt-mmap-test-%d" % os.getpid()
os.mkdir(d)
path = os.path.join(d, "data.bin")
with open(path, "wb") as f:
    f.write(b"0123456789" * 500)

with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
print(len(m), m.size(), m[:10], m.find(b"9012"), m.rfind(b"01"))
m[0:5] = b"HELLO"
m.flush()
m.close()
with open(path, "rb") as f:
    print(f.read(12))

# The map keeps its own descriptor: closing the file does not close it.
fd = os.open(path, os.O_RDWR)
m = mmap.mmap(fd, 100, access=mmap.ACCESS_WRITE)
os.close(fd)
m[5] = ord("!")
print(m[:8], m.size())
m.close()

# ACCESS_READ refuses every change; ACCESS_COPY changes only the copy.
fd = os.open(path, os.O_RDWR)
ro = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
attempt(ro.__setitem__, 0, 1)
attempt(ro.write, b"x")
attempt(ro.move, 0, 1, 1)
attempt(ro.resize, 10)
print(ro.flush(), repr(ro)[:50])
cow = mmap.mmap(fd, 0, access=mmap.ACCESS_COPY)
cow[0:3] = b"cow"
print(cow[:6], ro[:6])
attempt(cow.resize, 10)
ro.close()
cow.close()

# An offset must be a multiple of ALLOCATIONGRANULARITY.
page = mmap.ALLOCATIONGRANULARITY
with open(path, "ab") as f:
    f.write(b"x" * page)
m = mmap.mmap(fd, 10, offset=page)
print(m[:10], repr(m).endswith("offset=%d>" % page))
m.close()
attempt(mmap.mmap, fd, 10, offset=1)
attempt(mmap.mmap, fd, 10, offset=-1)
attempt(mmap.mmap, fd, 10**9)
attempt(mmap.mmap, fd, 0, offset=10**9)

# resize() grows the file too.
m = mmap.mmap(fd, 100)
m.resize(200)
print(len(m), m.size() == os.path.getsize(path) == 200)
m[150] = 42
m.close()
with open(path, "rb") as f:
    print(f.read()[150])
os.close(fd)

empty = os.path.join(d, "empty")
open(empty, "wb").close()
with open(empty, "rb") as f:
    attempt(mmap.mmap, f.fileno(), 0)
os.remove(empty)
os.remove(path)
os.rmdir(d)
