# memoryview over bytes and bytearray: length, items, attributes, bytes().
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m.readonly, m.format, m.itemsize, m.nbytes, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(m.obj, m.tobytes(), bytes(m), m.tolist(), list(m))
print(m.hex(), m.hex(":"), m.hex("-", 2), bytearray(m))
print(repr(m).startswith("<memory at 0x"), type(m).__name__, isinstance(m, memoryview))
print(98 in m, 120 in m, bool(memoryview(b"")), len(memoryview(b"")))
w = memoryview(bytearray(b"xyz"))
print(w.readonly, w.obj, w.toreadonly().readonly)
show("int", lambda: memoryview(1))
show("str", lambda: memoryview("abc"))
show("list", lambda: memoryview([1, 2]))
show("noarg", lambda: memoryview())
show("index", lambda: m[6])
show("neg", lambda: m[-7])
show("huge", lambda: m[2**70])
show("float", lambda: m[1.0])
show("tuple", lambda: m[1, 2])
show("one-tuple", lambda: m[(1,)])
show("ellipsis", lambda: m[...].tolist())
