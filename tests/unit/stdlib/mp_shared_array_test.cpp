// Tests for _multiprocessing.SharedArray (stdlib/mp_shared_array.cpp), which
// CPython does not have: the item rules are ctypes' (the expected outputs
// are what multiprocessing.Array(code, n, lock=False) gives under CPython
// 3.11), the sharing is checked across fork() and through _rebuild. Also the
// part of SemLock._rebuild that CPython gets wrong (an object rebuilt from a
// bare handle closes it twice there).
#include <gtest/gtest.h>

#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kItemCases[] = {
    // Attributes, zero-filled memory, length.
    {R"~(from _multiprocessing import SharedArray
a = SharedArray('i', 4)
print(len(a), a.typecode, a.itemsize, a.fd > 2, a[:], a.tobytes())
print([SharedArray(c, 1).itemsize for c in 'bBhHiIlLqQfdcu'])
print(len(SharedArray('d', 0)), SharedArray('d', 0)[:])
)~",
     R"~(4 i 4 True [0, 0, 0, 0] b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
[1, 1, 2, 2, 4, 4, 8, 8, 8, 8, 4, 8, 1, 4]
0 []
)~"},
    // Integers wrap to the item's width, as ctypes stores them.
    {R"~(from _multiprocessing import SharedArray
out = []
for code in 'bBhHiIlLqQ':
    a = SharedArray(code, 1)
    row = []
    for v in [300, -1, 2**64 + 5, True, 2**70, -2**70 - 3, 65]:
        a[0] = v
        row.append(a[0])
    out.append((code, row))
for r in out: print(*r)
)~",
     R"~(b [44, -1, 5, 1, 0, -3, 65]
B [44, 255, 5, 1, 0, 253, 65]
h [300, -1, 5, 1, 0, -3, 65]
H [300, 65535, 5, 1, 0, 65533, 65]
i [300, -1, 5, 1, 0, -3, 65]
I [300, 4294967295, 5, 1, 0, 4294967293, 65]
l [300, -1, 5, 1, 0, -3, 65]
L [300, 18446744073709551615, 5, 1, 0, 18446744073709551613, 65]
q [300, -1, 5, 1, 0, -3, 65]
Q [300, 18446744073709551615, 5, 1, 0, 18446744073709551613, 65]
)~"},
    {R"~(from _multiprocessing import SharedArray
a = SharedArray('i', 1)
for v in [1.5, 'x', None]:
    try:
        a[0] = v
    except TypeError as e:
        print(e)
class I:
    def __index__(self): return 7
a[0] = I()
print(a[0])
)~",
     R"~('float' object cannot be interpreted as an integer
'str' object cannot be interpreted as an integer
'NoneType' object cannot be interpreted as an integer
7
)~"},
    // Floats: 'f' rounds to single precision.
    {R"~(from _multiprocessing import SharedArray
f = SharedArray('f', 1)
d = SharedArray('d', 1)
f[0] = 0.1; d[0] = 0.1
print(f[0], d[0])
d[0] = 3; print(d[0])
d[0] = True; print(d[0])
for v in ['x', None, 2**2000]:
    try:
        d[0] = v
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
)~",
     R"~(0.10000000149011612 0.1
3.0
1.0
TypeError must be real number, not str
TypeError must be real number, not NoneType
OverflowError int too large to convert to float
)~"},
    // 'c' items are bytes of length 1; 'u' items are one-character strs.
    {R"~(from _multiprocessing import SharedArray
c = SharedArray('c', 4)
c[0] = b'A'; c[1] = 66; c[2] = bytearray(b'z')
print(c[0], c[:], c[::-1])
for v in [b'xy', 300, 'x', 1.5]:
    try:
        c[0] = v
    except TypeError as e:
        print(e)
c[0:2] = b'ab'; print(c[:])
c[2:4] = [b'c', b'd']; print(c[:])
u = SharedArray('u', 3)
u[0] = 'x'; u[1] = '\U0001F600'
print(repr(u[:]), u[1] == '\U0001F600', len(u[::-1]))
u[0:3] = 'abc'; print(u[:])
for v in ['ab', 5, b'x']:
    try:
        u[0] = v
    except TypeError as e:
        print(e)
)~",
     R"~(b'A' b'ABz\x00' b'\x00zBA'
one character bytes, bytearray or integer expected
one character bytes, bytearray or integer expected
one character bytes, bytearray or integer expected
one character bytes, bytearray or integer expected
b'abz\x00'
b'abcd'
'x😀\x00' True 3
abc
one character unicode string expected
unicode string expected instead of int instance
unicode string expected instead of bytes instance
)~"},
    // Indices and slices.
    {R"~(from _multiprocessing import SharedArray
a = SharedArray('i', 4)
a[0:2] = [1, 2]; a[-1] = 9
print(a[:], a[1:3], a[::2], a[::-1], a[-1], list(a))
a[::2] = (5, 6); print(a[:])
a[0] += 10; print(a[0])
for f in [lambda: a[4], lambda: a[-5], lambda: a['x'], lambda: a[1.0]]:
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
def assign(k, v):
    try:
        a[k] = v
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
assign(4, 1)
assign('x', 1)
assign(slice(0, 2), [1, 2, 3])
assign(slice(0, 2), 5)
assign(slice(0, 2), (7, 8.5))
try:
    del a[0]
except TypeError as e:
    print(e)
print(a[:])
)~",
     R"~([1, 2, 0, 9] [2, 0] [1, 0] [9, 0, 2, 1] 9 [1, 2, 0, 9]
[5, 2, 6, 9]
15
IndexError invalid index
IndexError invalid index
TypeError indices must be integers
TypeError indices must be integers
IndexError invalid index
TypeError indices must be integer
ValueError Can only assign sequence of same size
ValueError Can only assign sequence of same size
TypeError 'float' object cannot be interpreted as an integer
Array does not support item deletion
[7, 2, 6, 9]
)~"},
    // Construction errors.
    {R"~(from _multiprocessing import SharedArray
for args in [('x', 1), ('ii', 1), (1, 1), ('i', -1), ('i', 1.5)]:
    try:
        SharedArray(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
)~",
     R"~(ValueError bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f, d, c or u)
ValueError bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f, d, c or u)
ValueError bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f, d, c or u)
ValueError array length must be >= 0
TypeError 'float' object cannot be interpreted as an integer
)~"},
};

TEST_F(ScriptTest, SharedArrayItemsBehaveAsCtypes) {
    check(kItemCases);
}

// A forked child writes, the parent reads the same memory; then the child
// counts under a SemLock while the parent does too.
TEST_F(ScriptTest, SharedArraySurvivesFork) {
    EXPECT_EQ(run(R"~(import os
from _multiprocessing import SharedArray, SemLock
a = SharedArray('q', 3)
d = SharedArray('d', 1)
pid = os.fork()
if pid == 0:
    a[0] = 41
    a[1:3] = [2**40, -7]
    d[0] = 2.5
    os._exit(0)
os.waitpid(pid, 0)
print(a[:], d[0])

lock = SemLock(1, 1, 1, "/mp-gilt-unit-%d" % os.getpid(), True)
counter = SharedArray('i', 1)
def bump(n):
    for _ in range(n):
        with lock:
            counter[0] += 1
pid = os.fork()
if pid == 0:
    bump(2000)
    os._exit(0)
bump(2000)
os.waitpid(pid, 0)
print(counter[0])
)~"),
              "[41, 1099511627776, -7] 2.5\n4000\n");
}

// _rebuild maps the same memory again from a descriptor and owns a
// duplicate of it, so the caller's descriptor stays its own.
TEST_F(ScriptTest, SharedArrayRebuildFromFd) {
    EXPECT_EQ(run(R"~(import os
from _multiprocessing import SharedArray
a = SharedArray('H', 5)
b = SharedArray._rebuild(a.fd, 'H', 5)
b[4] = 70000
print(a[4], b.fd != a.fd, b.typecode, len(b))
fd = os.dup(a.fd)
c = SharedArray._rebuild(fd, 'B', 10)
os.close(fd)
print(c[8], c[9])
del a, b
c[8] = 1
print(c[:])
for args in [(fd, 'i', 1), (c.fd, 'q', 10**6), (c.fd, 'z', 1)]:
    try:
        SharedArray._rebuild(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
)~"),
              "4464 True H 5\n112 17\n[0, 0, 0, 0, 0, 0, 0, 0, 1, 17]\n"
              "OSError [Errno 9] Bad file descriptor\n"
              "ValueError shared array file is too small\n"
              "ValueError bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f, d, c or u)\n");
}

// A SemLock rebuilt from its handle alone (the fork start method) is the
// same semaphore, and dropping it leaves the original open.
TEST_F(ScriptTest, SemLockRebuiltFromHandleDoesNotCloseIt) {
    EXPECT_EQ(run(R"~(import os
from _multiprocessing import SemLock
s = SemLock(1, 0, 1, "/mp-gilt-unit-h-%d" % os.getpid(), True)
t = SemLock._rebuild(s.handle, 1, 1, None)
t.release()
print(t.name, t.kind, t.maxvalue, t.handle == s.handle, s._get_value())
del t
print(s.acquire(False), s._get_value())
)~"),
              "None 1 1 True 1\nTrue 0\n");
}

// A forked child is never the owner of a lock its parent holds, even before
// multiprocessing calls _after_fork() (CPython would say it is: it compares
// thread ids only, and the child's thread has the parent's id).
TEST_F(ScriptTest, SemLockOwnerIsPerProcess) {
    EXPECT_EQ(run(R"~(import os
from _multiprocessing import SemLock
r = SemLock(0, 1, 1, "/mp-gilt-unit-o-%d" % os.getpid(), True)
r.acquire()
rfd, wfd = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(wfd, repr((r._is_mine(), r._count(), r.acquire(False))).encode())
    os._exit(0)
os.waitpid(pid, 0)
print(os.read(rfd, 100).decode(), r._is_mine(), r._count())
os.close(rfd)
os.close(wfd)
)~"),
              "(False, 1, False) True 1\n");
}

}  // namespace
}  // namespace gilt
