# ==, hash, and the places that accept any bytes-like object.
import io

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b"abcd")
print(m == b"abcd", m == bytearray(b"abcd"), m == memoryview(b"abcd"), m != b"abce")
print(m == "abcd", m == [97, 98, 99, 100], m[::2] == b"ac", m.cast("c") == m)
print(m.cast("h") == m.cast("h"), m.cast("h") == b"abcd", m.cast("B", [2, 2]) == m)
x = memoryview(b"ab")
x.release()
y = memoryview(b"ab")
y.release()
print(x == x, x == y, x != y)
print(hash(memoryview(b"abc")) == hash(b"abc"), hash(m[1:3]) == hash(b"bc"))
show("hash writable", lambda: hash(memoryview(bytearray(b"a"))))
show("hash h", lambda: hash(m.cast("h")))
print(b"".join([memoryview(b"ab"), b"-", memoryview(bytearray(b"cd"))]))
print(b"x" + memoryview(b"yz"), bytearray(b"x") + memoryview(b"yz"))
ba = bytearray(b"12")
ba += memoryview(b"34")
print(ba, bytes(memoryview(b"abcdef")[::2]), bytearray(memoryview(b"q")))
ba.extend(memoryview(b"56"))
print(ba)
buf = io.BytesIO()
buf.write(memoryview(b"written"))
print(buf.getvalue())
print(memoryview(b"abc").tobytes().decode(), str(bytes(memoryview(b"xyz")), "ascii"))
show("strided join", lambda: b"".join([memoryview(b"abcd")[::2]]))
