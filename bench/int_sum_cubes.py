# Accumulating past 2**63: `s += i * i * i` makes every step a big-ish int
# (about 80 bits), the case where an int past 64 bits must stay cheap.
def sum_cubes(n):
    s = 0
    for i in range(n):
        s += i * i * i
    return s


def mixed(n):
    # Products, shifts and masks of 70-120-bit values; every result is checked.
    acc = 0
    x = (1 << 70) + 12345
    for i in range(n):
        y = x * (i + 1) - (i << 64)
        acc ^= (y >> 3) & ((1 << 100) - 1)
        acc += y % 1000003 + y // (1 << 40)
    return acc


print(sum_cubes(3_000_000))
print(mixed(500_000))
