# mkstemp, mkdtemp, TemporaryFile, NamedTemporaryFile, SpooledTemporaryFile
# and TemporaryDirectory: where they go, names, modes, cleanup.
import os
import stat
import tempfile

tmp = tempfile.gettempdir()
print(os.path.isabs(tmp), os.path.isdir(tmp), tempfile.gettempprefix(), tempfile.gettempdirb() == os.fsencode(tmp))

fd, path = tempfile.mkstemp(suffix=".txt", prefix="pre_")
name = os.path.basename(path)
print(os.path.dirname(path) == tmp, name.startswith("pre_"), name.endswith(".txt"), len(name))
print(oct(stat.S_IMODE(os.stat(path).st_mode)))
os.write(fd, b"data")
os.close(fd)
with open(path, "rb") as f:
    print(f.read())
os.unlink(path)

d = tempfile.mkdtemp(prefix="dir_")
print(os.path.isdir(d), os.path.basename(d).startswith("dir_"), oct(stat.S_IMODE(os.stat(d).st_mode)))
fd, inner = tempfile.mkstemp(dir=d)
os.close(fd)
print(os.path.dirname(inner) == d, os.listdir(d) == [os.path.basename(inner)])
fd, binary = tempfile.mkstemp(dir=d.encode(), suffix=b".bin")
os.close(fd)
print(type(binary).__name__, binary.endswith(b".bin"))
try:
    tempfile.mkstemp(prefix="x", suffix=b"y")
except TypeError as exc:
    print("TypeError", exc)

names = set(os.path.basename(tempfile.mktemp(dir=d)) for _ in range(20))
print(len(names), all(n.startswith("tmp") and len(n) == 11 for n in names))

with tempfile.TemporaryFile() as f:
    f.write(b"hello world")
    f.seek(0)
    print(f.read(), type(f.name).__name__, f.mode)
with tempfile.TemporaryFile("w+", dir=d) as f:
    f.write("text mode")
    f.seek(0)
    print(f.read())
print(len(os.listdir(d)))

with tempfile.NamedTemporaryFile(dir=d, suffix=".log") as f:
    print(os.path.exists(f.name), f.name.endswith(".log"), f.delete)
    f.write(b"line 1\nline 2\n")
    f.flush()
    f.seek(0)
    print(list(f), f.closed)
    kept = f.name
print(os.path.exists(kept), f.closed)
f = tempfile.NamedTemporaryFile("w", dir=d, delete=False)
f.write("stays")
f.close()
print(os.path.exists(f.name), open(f.name).read())
os.unlink(f.name)

s = tempfile.SpooledTemporaryFile(max_size=10)
s.write(b"small")
print(s._rolled, s.name, s.tell())
s.write(b" but now bigger")
print(s._rolled, type(s.name).__name__, s.tell())
s.seek(0)
print(s.read())
s.close()
print(s.closed)
with tempfile.SpooledTemporaryFile(mode="w+") as s:
    s.write("text")
    s.seek(0)
    print(s.read(), s._rolled, s.mode)
    s.fileno()
    print(s._rolled)

with tempfile.TemporaryDirectory(prefix="td_") as name:
    print(os.path.isdir(name), os.path.basename(name).startswith("td_"))
    os.makedirs(os.path.join(name, "sub", "deeper"))
    open(os.path.join(name, "sub", "file.txt"), "w").close()
print(os.path.exists(name))
td = tempfile.TemporaryDirectory(dir=d)
print(repr(td) == "<TemporaryDirectory %r>" % td.name, os.path.isdir(td.name))
td.cleanup()
td.cleanup()
print(os.path.exists(td.name))
left = sorted(os.listdir(d))
print(len(left), [n.endswith(".bin") for n in left].count(True))
for leftover in left:
    os.unlink(os.path.join(d, leftover))
os.rmdir(d)
print(os.path.exists(d))
