# struct.error and the other exceptions, worded as CPython words them.
import struct


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for fmt, v in [("b", 200), ("B", -1), ("h", 70000), ("<h", 70000), (">h", 70000), (">H", -1),
               ("<H", -1), (">H", 70000), ("i", 2**31), ("<i", 2**31), (">i", -2**31 - 1),
               ("I", -1), ("<I", 2**32), (">I", -1), ("<l", 2**31), ("<L", -1), (">L", 2**40),
               ("q", 2**63), ("<q", 2**63), (">q", -2**63 - 1), ("Q", -1), ("<Q", 2**64),
               (">Q", -1), (">Q", 2**64), ("n", 2**63), ("N", -1), ("P", 2**64),
               ("P", -2**63 - 1), ("b", 2**70), ("<H", 2**70), ("i", "a"), ("i", 1.0),
               ("<i", None), ("f", "a"), ("<d", "1.5"), ("<d", 10**400), ("f", 1e300),
               ("<f", 1e300), (">f", 3.4028236e38), ("<f", 10**300), ("e", 1e300),
               ("e", 65520.0), ("e", 65520), ("c", b"ab"), ("c", "a"), ("c", 1),
               ("c", bytearray(b"a")), ("s", "a"), ("p", 1), ("z", 1), ("<P", 1), ("<n", 1)]:
    print(fmt, end=" ")
    t(struct.pack, fmt, v)
t(struct.pack, "i")
t(struct.pack, "i", 1, 2)
t(struct.pack, "x", 1)
t(struct.pack, "2 i", 1, 2)
t(struct.pack, "i0q")
t(struct.pack, 5)
t(struct.pack)
t(struct.calcsize, "999999999999999999999i")
t(struct.calcsize, "3")
t(struct.calcsize, "<3")
t(struct.calcsize, "i<")
t(struct.calcsize, 5)
t(struct.unpack, "i", b"abc")
t(struct.unpack, "ii", b"abcdefgh12")
t(struct.unpack, "i", "abcd")
t(struct.unpack, "<i", [1, 2, 3, 4])
t(struct.unpack, "<i")
try:
    struct.pack("<b", 999)
except struct.error as e:
    print("caught", e.args)
print(issubclass(struct.error, Exception), struct.error.__module__, struct.error.__name__)
