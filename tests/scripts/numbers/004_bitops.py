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
