# pack/unpack/calcsize round trips in every byte order, with native alignment.
import struct

print(struct.pack("<ih2s", 1, -2, b"ab"), struct.pack(">ih2s", 1, -2, b"ab"))
print(struct.pack("!h", -2), struct.unpack("!h", b"\xff\xfe"))
print(struct.pack(">Q", 2**64 - 1), struct.unpack(">q", b"\x80" + b"\x00" * 7))
print(struct.unpack("<qQdf", struct.pack("<qQdf", -5, 2**64 - 1, 1.5, 2.5)))
print(struct.unpack("<2e2f2d", struct.pack("<2e2f2d", 1.5, 2.5, 3.5, 4.5, 5.5, 6.5)))
print(struct.pack("bhilq", 1, 2, 3, 4, 5))
print(struct.pack("=bhilq", 1, 2, 3, 4, 5), struct.pack("!bhilq", 1, 2, 3, 4, 5))
print(struct.pack("ci", b"a", 1), struct.pack("ic", 1, b"a"), struct.pack("hxxi", 1, 2))
print(struct.pack("@c3sh", b"a", b"xy", 7), struct.pack(">2e", 1.5, -2))
print(struct.pack("3x"), struct.pack("2i3h", 1, 2, 3, 4, 5), struct.pack(" i i ", 1, 2))
print(struct.pack("?5?", 0, 1, "a", "", None, [0]), struct.unpack("3?", b"\x00\x05\xff"))
print(struct.pack("<10s", b"abc"), struct.pack("3s", b"abcdef"), struct.pack("<3c", b"a", b"b", b"c"))
print(struct.pack("5p", b"abcdefgh"), struct.pack("p", b"abc"), struct.pack("0p", b"abc"))
print(struct.pack("300p", b"a" * 300)[:3], struct.unpack("5p", b"\x03abcd"), struct.unpack("5p", b"\x09abcd"))
print(struct.unpack("<2s2p", b"ab\x05c"), struct.pack("<s", bytearray(b"ab")))
print(struct.unpack("<i", memoryview(b"abcd")), struct.unpack("<i", bytearray(b"abcd")))
for fmt in ["@ci", "@cq", "@hd", "@cdc", "=cq", "@5s i", "@?e", "@cP", "@c0e", "b0l", "", "P", "nN", "<lL", "@lL"]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.calcsize(b"ii"), struct.pack(b"<h", 5))


class Index:
    def __index__(self):
        return 7


print(struct.pack("<i", Index()), struct.pack("<d", Index()), struct.pack("<d", 1), struct.pack("<i", True))
print(struct.pack("P", -1), struct.pack("P", 2**64 - 1))
