# Slices are zero-copy views: they see writes to the underlying object.
ba = bytearray(b"0123456789")
m = memoryview(ba)
s = m[2:6]
print(s.tobytes(), s.obj is ba, len(s), s.nbytes)
ba[3] = ord("X")
print(s.tobytes(), s[1])
r = m[::-1]
print(r.tobytes(), r.strides, r.c_contiguous, r.contiguous)
e = m[1::3]
print(e.tolist(), e.strides, e.shape, e.nbytes, bytes(e))
print(m[5:2].tobytes(), len(m[5:2]), m[100:].tobytes())
print(e[::-1].tolist(), e[1:][::2].tolist())
print(m[:].obj is ba, memoryview(m).obj is ba)
# a view of a view keeps working after the first is released
v = m[4:]
m.release()
print(v.tobytes())
