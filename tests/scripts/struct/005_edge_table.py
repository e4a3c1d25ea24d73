# A table of values near every integer code's limits in every byte order,
# and half floats near their rounding points: each packed or rejected as
# CPython does.
import struct


def t(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


for order in "@=<>!":
    for code in "bBhHiIlLqQnNP":
        fmt = order + code
        try:
            size = struct.calcsize(fmt)
        except struct.error as e:
            print(fmt, "error:", e)
            continue
        bits = 8 * size
        signed = code.islower()
        lo = -(1 << (bits - 1)) if signed else 0
        hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1
        row = [t(struct.pack, fmt, v) for v in (lo, hi, lo - 1, hi + 1, 0)]
        print(fmt, size, *row)
        print(fmt, t(struct.unpack, fmt, bytes(range(250, 250 - size, -1))))
for v in [0.0, -0.0, 1.0, 0.1, 1e-5, 6e-8, 3e-8, 2.9e-8, 65504.0, 65519.99, 1 / 3, -2.5,
          float("inf"), float("-inf"), 5.960464477539063e-08, 0.00006103515625, 0.000061, 1e-300]:
    print(v, t(struct.pack, "<e", v), t(struct.pack, ">e", v), t(lambda: struct.unpack("<e", struct.pack("<e", v))))
print(struct.unpack("<e", b"\x00\x7e"), struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x03"))
print(struct.pack("<f", 3.4028235e38), struct.pack("<f", float("nan")), struct.pack("<d", -0.0))
