a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1, -1 >> 10)
print(bin(a & b), bin(a | b), bin(-5), hex(-255), oct(-8))
print(1 << 64, (1 << 64) >> 63, -(1 << 70) >> 68)
print(0xff & -256, -1 & 0xff, ~0, ~-1)
n = 0b10110111
count = 0
while n:
    n &= n - 1
    count += 1
print(count, bin(183).count("1"))
print(int.bit_count(183) if hasattr(int, "bit_count") else 6)
print(True & False, True | False, True ^ True)

# Shifts too big to make: CPython's error depends on the size the result
# would have (MemoryError from its allocator, OverflowError past its digit
# limit); shifting zero or to the right is fine whatever the count. Every
# size here is beyond any address space, so no allocator can say yes.
LIMIT = 2305843009213693945  # CPython's MAX_LONG_DIGITS (30-bit digits)
for expr in ["1 << 2**62", "-1 << 2**63", "(1 << 100) << 2**62", "1 << 2**70",
             "1 << LIMIT * 30", "1 << (LIMIT - 1) * 30", "1 << (LIMIT - 1) * 30 + 1",
             "2**40 << (LIMIT - 2) * 30", "1 << -1"]:
    try:
        eval(expr)
        print(expr, "ok")
    except (MemoryError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__, e)
print(0 << 2**70, 5 >> 2**70, -5 >> 2**70)
