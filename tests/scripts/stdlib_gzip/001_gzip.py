# gzip: compress/decompress (members, padding, corrupt and truncated input),
# GzipFile over file objects and paths in rb/wb/ab, seeking, text modes.
import gzip
import io
import os
import zlib

scratch = '/tmp/gilt_gzip_test_%d' % os.getpid()
os.mkdir(scratch)

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+':', e)

data = b''.join(b'row %d, some text to compress\n' % i for i in range(5000))
for level in (1, 6, 9):
    c = gzip.compress(data, level, mtime=12345)
    print(level, len(c), c[:10], zlib.crc32(c), gzip.decompress(c) == data)
print(gzip.compress(b'hello', mtime=0))
print(gzip.compress(b'', mtime=1))
print(gzip.decompress(gzip.compress(b'a', mtime=3) + gzip.compress(b'b', mtime=3) + b'\0\0\0'))
t(lambda: gzip.decompress(b'not gzip'))
t(lambda: gzip.decompress(b'\x1f'))
t(lambda: gzip.decompress(b''))
t(lambda: gzip.decompress(gzip.compress(data, mtime=1)[:-6]))
t(lambda: gzip.decompress(gzip.compress(data, mtime=1)[:30]))
bad = bytearray(gzip.compress(b'hello', mtime=1)); bad[-8] ^= 1
t(lambda: gzip.decompress(bytes(bad)))
bad = bytearray(gzip.compress(b'hello', mtime=1)); bad[-4] ^= 1
t(lambda: gzip.decompress(bytes(bad)))
bad = bytearray(gzip.compress(b'hello', mtime=1)); bad[2] = 7
t(lambda: gzip.decompress(bytes(bad)))
t(lambda: gzip.decompress(gzip.compress(b'x', mtime=1) + b'junk'))

# GzipFile over a BytesIO, with a name in the header
buf = io.BytesIO()
with gzip.GzipFile('report.txt.gz', 'wb', fileobj=buf, mtime=7) as f:
    print(f.name, f.mode, f.writable(), f.readable())
    print(f.write(b'hello '), f.write(bytearray(b'world\n')), f.tell())
    t(lambda: f.read())
print(buf.getvalue())
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.mode, f.read(3), f.read(), f.mtime, f.tell())
    t(lambda: f.write(b'x'))
t(lambda: f.read())
print(f.closed)

path = os.path.join(scratch, 'data.gz')
with gzip.open(path, 'wb', compresslevel=5) as f:
    for i in range(1000):
        f.write(b'line %d\n' % i)
with gzip.open(path) as f:
    lines = f.readlines()
    print(len(lines), lines[:2], lines[-1])
with gzip.open(path, 'rb') as f:
    print(f.readline(), f.readline(3), f.peek(2)[:2], f.read1(4))
    f.seek(100)
    print(f.tell(), f.read(10))
    f.seek(5)
    print(f.read(6))
    print(sum(1 for _ in f))
with open(path, 'rb') as raw:
    print(gzip.decompress(raw.read()).count(b'\n'))
with gzip.open(path, 'ab') as f:
    f.write(b'appended\n')
with gzip.open(path, 'rb') as f:
    print(f.read()[-20:])

tpath = os.path.join(scratch, 'text.gz')
with gzip.open(tpath, 'wt', encoding='utf-8') as f:
    print(f.write('héllo\nwörld\n'), f.write('last'))
with gzip.open(tpath, 'rt', encoding='utf-8') as f:
    print(repr(f.readline()), repr(f.read()))
with gzip.open(tpath, 'rt') as f:
    print(list(f))
t(lambda: gzip.open(tpath, 'rtb'))
t(lambda: gzip.open(tpath, 'rb', encoding='utf-8'))
t(lambda: gzip.open(5))
t(lambda: gzip.GzipFile(tpath, 'rt'))
t(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode='z'))
print(issubclass(gzip.BadGzipFile, OSError), gzip.READ, gzip.WRITE, gzip.FNAME)
bad = bytearray(gzip.compress(b'hello', mtime=1)); bad[-8] ^= 1
t(lambda: gzip.GzipFile(fileobj=io.BytesIO(bytes(bad))).read())
f = gzip.GzipFile(fileobj=io.BytesIO(), mode='wb'); f.close()
for op in [lambda: f.write(b'x'), lambda: f.flush(), lambda: f.tell(), lambda: f.readline(), lambda: f.__enter__(), lambda: f.seek(0)]:
    t(op)

for name in sorted(os.listdir(scratch)):
    os.remove(os.path.join(scratch, name))
os.rmdir(scratch)
print('cleaned', os.path.exists(scratch))
