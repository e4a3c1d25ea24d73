# cast between byte formats and native formats, with shapes.
import sys

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

little = sys.byteorder == "little"
raw = bytes(range(1, 17))
m = memoryview(raw)
h = m.cast("h")
print(h.format, h.itemsize, len(h), h.nbytes, h.shape, h.strides)
print(h.tolist() == [int.from_bytes(raw[i:i + 2], sys.byteorder, signed=True) for i in range(0, 16, 2)])
print(m.cast("@I").tolist()[0] == int.from_bytes(raw[:4], sys.byteorder))
print(m.cast("q").tolist()[0] == int.from_bytes(raw[:8], sys.byteorder, signed=True))
print(m.cast("c").tolist()[:3], m.cast("b").tolist()[:3], m.cast("?").tolist()[:2])
print(h.cast("B").tolist() == list(raw))
g = m.cast("B", [2, 8])
print(g.shape, g.strides, g.ndim, g.tolist())
print(g.cast("B").tolist() == list(raw), g.cast("H", [8]).shape)
print(g.c_contiguous, g.f_contiguous, g.contiguous)
show("2d item", lambda: g[0])
show("2d tuple", lambda: g[1, 2])
show("2d tuple range", lambda: g[2, 0])
show("2d len", lambda: len(g))
show("bad format", lambda: m.cast("x"))
show("std format", lambda: m.cast("<h"))
show("two chars", lambda: m.cast("hh"))
show("not str", lambda: m.cast(1))
show("non-byte", lambda: h.cast("i"))
show("strided", lambda: m[::2].cast("B"))
show("shape product", lambda: m.cast("B", [3, 3]))
show("shape type", lambda: m.cast("B", 16))
show("shape zero", lambda: m.cast("B", [0, 16]))
show("multiple", lambda: memoryview(b"abc").cast("h"))
show("nd to nd", lambda: g.cast("B", [4, 4]))
d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 7
print(d.tolist())
f = memoryview(bytearray(8)).cast("f")
f[1] = 0.25
print(f.tolist(), f[1])

def setitem(view, k, v):
    def run():
        view[k] = v
        return view.tolist()
    return run

hw = memoryview(bytearray(4)).cast("h")
show("h ok", setitem(hw, 1, -2))
show("h big", setitem(hw, 0, 70000))
show("h float", setitem(hw, 0, 1.5))
show("d str", setitem(d, 0, "a"))
cw = memoryview(bytearray(2)).cast("c")
show("c ok", setitem(cw, 0, b"x"))
show("c long", setitem(cw, 0, b"xy"))
show("c int", setitem(cw, 0, 1))
bw = memoryview(bytearray(2)).cast("?")
show("? list", setitem(bw, 0, [1]))
Qw = memoryview(bytearray(8)).cast("Q")
show("Q max", setitem(Qw, 0, 2**64 - 1))
show("Q neg", setitem(Qw, 0, -1))
show("Q big", setitem(Qw, 0, 2**64))
