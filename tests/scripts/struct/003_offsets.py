# unpack_from, pack_into (offsets, negative offsets, writable buffers) and
# iter_unpack.
import struct


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(struct.unpack_from, "<i", b"abcdefgh", 2)
t(struct.unpack_from, "<i", b"abcdefgh", 6)
t(struct.unpack_from, "<i", b"abcdefgh", -4)
t(struct.unpack_from, "<i", b"abcdefgh", -9)
t(struct.unpack_from, "<i", b"abcdefgh", offset=1)
t(struct.unpack_from, "<i", buffer=b"abcdefgh")
t(struct.unpack_from, "<i", memoryview(b"abcdefgh")[::2])
ba = bytearray(8)
t(struct.pack_into, "<i", ba, 2, 7)
print(ba)
t(struct.pack_into, "<i", ba, 6, 7)
t(struct.pack_into, "<i", ba, -2, 7)
t(struct.pack_into, "<i", ba, -4, 9)
print(ba)
t(struct.pack_into, "<i", ba, -10, 7)
t(struct.pack_into, "<i", b"abcdefgh", 0, 7)
t(struct.pack_into, "<i", [0] * 4, 0, 1)
t(struct.pack_into, "<i", ba)
t(struct.pack_into, "<i")
t(struct.pack_into, "<i", ba, 0)
t(struct.pack_into, "<i", ba, "a", 1)
ba = bytearray(b"\xff" * 8)
struct.pack_into("<hxi", ba, 0, 1, 2)
print(ba)
t(struct.pack_into, "<i", memoryview(ba), 0, 5)
print(ba)
t(struct.pack_into, "<i", memoryview(ba)[::2], 0, 5)
t(struct.pack_into, "<i", memoryview(b"abcd"), 0, 5)
print(list(struct.iter_unpack("<h", b"abcd")))
t(lambda: list(struct.iter_unpack("<h", b"abc")))
t(lambda: list(struct.iter_unpack("", b"abc")))
it = struct.iter_unpack("<h", b"abcdef")
print(it.__length_hint__(), type(it).__name__, next(it), it.__length_hint__(), list(it), it.__length_hint__())
# the iterator holds an export: the bytearray cannot be resized meanwhile
data = bytearray(b"abcd")
it = struct.iter_unpack("<h", data)
t(data.append, 1)
print(list(it))
data.append(1)
print(data)
