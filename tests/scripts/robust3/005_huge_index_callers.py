# Huge ints where a byte, a digit count or a bytes source is expected: each
# reports what CPython reports, not the index-size OverflowError.
cases = [
    "round(2.5, -10**30)", "round(2.5, 10**30)", "bytearray().append(10**30)",
    "bytes([10**30])", "bytearray([-10**30])", "int.from_bytes(5, 'big')",
    "int.from_bytes(True, 'big')", "(-(10**30)).from_bytes(2**63)",
]
for c in cases:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
