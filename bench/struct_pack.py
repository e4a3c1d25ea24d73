# struct pack/unpack in a loop: module-level calls (format cache), a Struct
# object, unpack_from over one buffer and iter_unpack.
import struct

rec = struct.Struct("<iHdq4s")
total = 0
for i in range(200000):
    b = struct.pack("<ihd", i, i & 0x7FFF, i * 0.5)
    a, h, d = struct.unpack("<ihd", b)
    total += a + h + int(d)
    r = rec.pack(i, i & 0xFFFF, 1.25, -i, b"abcd")
    total += rec.unpack(r)[0]
buf = b"".join(rec.pack(i, i & 0xFFFF, i / 3, i * 7, b"wxyz") for i in range(5000))
for _ in range(20):
    for off in range(0, len(buf), rec.size):
        total += rec.unpack_from(buf, off)[3]
    for row in rec.iter_unpack(buf):
        total += row[1]
print(total)
