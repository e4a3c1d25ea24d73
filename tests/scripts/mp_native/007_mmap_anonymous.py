# mmap.mmap over anonymous memory: the sequence and file interfaces,
# closing, errors, and sharing with a forked child.
import mmap
import os
import sys


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.PAGESIZE in (4096, 16384, 65536), mmap.ALLOCATIONGRANULARITY == mmap.PAGESIZE)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS == mmap.MAP_ANON)
print(mmap.PROT_READ, mmap.PROT_WRITE, mmap.error is OSError)

m = mmap.mmap(-1, 10)
print(len(m), m.tell(), m[0], m[:3], m.closed, repr(m))
print(list(m)[:2])
m[0] = 65
m[1:3] = b"BC"
print(m[:5], m.read(2), m.tell(), m.read(), m.tell(), m.read())
m.seek(0)
print(m.write(b"xyz"), m.tell(), m[:])
attempt(m.seek, 11)
attempt(m.seek, -1)
attempt(m.seek, 0, 3)
m.seek(-2, 2)
print(m.tell())
m.seek(-1, 1)
print(m.tell())
attempt(m.write, b"12345")
m.seek(0)
print(m.find(b"yz"), m.find(b"q"), m.find(b"z", 3), m.rfind(b"\x00"), m.find(b"y", 0, 2))
print(m.find(b"z", -8), m.rfind(b"x", -100, 100), m.find(bytearray(b"y")))
attempt(m.find, b"x", None)
attempt(lambda: m[10])
attempt(lambda: m[-11])
attempt(m.__setitem__, 0, 256)
attempt(m.__setitem__, 0, b"a")
attempt(m.__setitem__, slice(0, 2), b"abc")
attempt(m.__setitem__, slice(0, 2), "ab")
attempt(m.__delitem__, 0)
attempt(lambda: m["x"])
attempt(m.__setitem__, "x", 1)
print(m[::2], m[::-1], m[-1], m[-3:])
m[0:4:2] = b"QQ"
print(m[:])
print(m.read_byte(), m.write_byte(66), m.tell(), m.readline())
attempt(m.write, "str")
attempt(m.flush)
attempt(m.flush, 0, 20)
m.move(0, 5, 3)
print(m[:])
attempt(m.move, 0, 5, 30)
m.resize(20)
print(len(m), m[:12])
print(m.__enter__() is m)
m.close()
m.close()
print(m.closed, repr(m))
for f in [lambda: m[0], lambda: len(m), m.read, m.tell, lambda: m.seek(0), lambda: m.write(b"x")]:
    attempt(f)
attempt(mmap.mmap, -1, -1)
attempt(mmap.mmap, -1, 10, 1, 3, mmap.ACCESS_READ)
attempt(mmap.mmap, -1, 10, access=7)
attempt(mmap.mmap, 99999, 10)
with mmap.mmap(-1, 4) as q:
    q[0] = 1
print(q.closed)

# Iteration yields bytes of length 1, reading the map as it goes.
m = mmap.mmap(-1, 4)
m[0] = 65
it = iter(m)
print(type(it).__name__, next(it), iter(it) is it)
m[1] = 66
print(list(it), list(it))
it = iter(m)
next(it)
m.close()
attempt(next, it)
it = iter(m)
attempt(next, it)
print(b"".join(mmap.mmap(-1, 3)))

# Lines and read(n).
m = mmap.mmap(-1, 16)
m.write(b"one\ntwo\nthree")
m.seek(0)
print(m.readline(), m.readline(), m.read(3), m.readline(), m.readline())
m.seek(0)
print(m.read(-1)[:5], m.read(None))

# A MAP_SHARED anonymous map is shared with a forked child.
shared = mmap.mmap(-1, mmap.PAGESIZE)
private = mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    shared[0:5] = b"child"
    shared[100] = 7
    private[0] = 9
    os._exit(0)
os.waitpid(pid, 0)
print(shared[:5], shared[100], private[0])
