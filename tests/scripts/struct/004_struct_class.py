# The Struct class: format, size, methods, subclassing.
import struct


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = struct.Struct("<ih")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"))
print(s.unpack_from(b"xx\x01\x00\x00\x00\x02\x00", 2), s.unpack_from(b"\x01\x00\x00\x00\x02\x00"))
print(struct.Struct(b"<i").format, struct.Struct(format="<q").size, struct.Struct("").size)
print(repr(struct.Struct("<i")).startswith("<_struct.Struct object at 0x"), struct.Struct.__module__)
t(struct.Struct, "z")
t(struct.Struct, 5)
t(struct.Struct, "<i", 1)
t(struct.Struct)
t(s.pack, 1)
t(s.unpack, b"abc")
ba = bytearray(8)
s2 = struct.Struct(">hh")
t(s2.pack_into, ba, 1, 1, 2)
print(ba)
t(s2.unpack_from, ba, offset=4)
t(s2.unpack_from, ba, -4)
t(s2.unpack, ba)
t(s2.iter_unpack, b"abc")
print(list(s2.iter_unpack(b"abcdefgh")))
print(struct.Struct("").unpack(b""), struct.pack(""))


class Pair(struct.Struct):
    def both(self, a, b):
        return self.pack(a, b)


p = Pair("<2b")
print(p.both(1, -1), isinstance(p, struct.Struct), p.size)
