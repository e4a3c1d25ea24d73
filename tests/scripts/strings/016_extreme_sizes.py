# Sizes and steps at the limits of a 64-bit index: slices with a step of
# -sys.maxsize, widths far below zero, and results too large to allocate,
# which must be a MemoryError (or CPython's OverflowError), never a crash.
import sys

M = sys.maxsize


def show(label, f):
    try:
        r = f()
    except (MemoryError, OverflowError, ValueError) as e:
        r = type(e).__name__ + (": " + str(e) if str(e) else "")
    print(label, repr(r))


show("str[::-M]", lambda: "abc"[::-M])
show("str[M:-M-1:-1]", lambda: "abc"[M:-M - 1:-1])
show("str[::M]", lambda: "abcdef"[::M])
show("ljust(-M-1)", lambda: "abc".ljust(-M - 1))
show("rjust(-M-1)", lambda: "abc".rjust(-M - 1, "*"))
show("center(-M-1)", lambda: "abc".center(-M - 1))
show("zfill(-M-1)", lambda: "-7".zfill(-M - 1))
show("b.ljust(-M-1)", lambda: b"abc".ljust(-M - 1))
show("b.rjust(-M-1)", lambda: b"abc".rjust(-M - 1))
show("ljust(M, 4-byte fill)", lambda: "x".ljust(M, "\U0001d11e"))
show("center(M, 3-byte fill)", lambda: "x".center(M, "\u20ac"))
show("rjust(2**50)", lambda: "x".rjust(2**50))
show("b.center(2**50)", lambda: b"x".center(2**50))
show("b.zfill(2**50)", lambda: b"x".zfill(2**50))
show("'%*d' M", lambda: "%*d" % (M, 1))
show("'%*s' 2**50", lambda: "%*s" % (2**50, "a"))
show("'%-*s' 2**50", lambda: "%-*s" % (2**50, "a"))
show("'%.*d' 2**50", lambda: "%.*d" % (2**50, 1))
show("'%.Nd' 2**50", lambda: ("%." + str(2**50) + "d") % 1)
show("b'%*d' 2**50", lambda: b"%*d" % (2**50, 1))
show("format width M", lambda: format(1, str(M)))
show("format width 2**50", lambda: format(1.5, str(2**50)))
show("str.format width", lambda: "{:{}}".format("a", 2**50))
show("f-string width", lambda: f"{7:>{2**50}}")
show("'ab' * 2**60", lambda: "ab" * 2**60)
show("'ab' * 2**62", lambda: "ab" * 2**62)
show("bytes(2**50)", lambda: bytes(2**50))
show("bytearray(2**50)", lambda: bytearray(2**50))
show("to_bytes(2**50)", lambda: (1).to_bytes(2**50, "big"))
show("to_bytes(2**61)", lambda: (1).to_bytes(2**61, "big"))
show("hash(2**62-1)", lambda: hash(2**62 - 1))
show("hash(-2**62)", lambda: hash(-2**62))
show("hash(-(2**62-1))", lambda: hash(-(2**62 - 1)))
