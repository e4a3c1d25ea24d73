import io
buf = io.StringIO()
print(buf.write("hello "), buf.write("world\n"))
print("line via print", 42, file=buf)
print(repr(buf.getvalue()))
r = io.StringIO("first\nsecond\nthird\n")
print(repr(r.readline()), repr(r.read(3)), repr(r.read()), repr(r.read()))
r.seek(0)
print(r.readlines())
r.seek(0)
print([line.strip() for line in r])
b = io.BytesIO()
b.write(b"bytes data")
print(b.getvalue(), b.tell())
with io.StringIO() as s:
    s.write("ctx")
    print(s.getvalue())
print(s.closed)
import sys
old = sys.stdout
sys.stdout = cap = io.StringIO()
print("captured!")
sys.stdout = old
print("got", repr(cap.getvalue()))
