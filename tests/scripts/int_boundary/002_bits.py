# Shifts, bitwise operators, ~, -, abs and bit_length across 2**62, 2**63,
# 2**64, 2**127, 2**128, with negative operands (two's complement semantics).
values = []
for e in (61, 62, 63, 64, 65, 100, 125, 126, 127, 128, 129):
    for d in (-1, 0, 1):
        values.append(2 ** e + d)
values += [0, 1, 5, 0x5555_5555_5555_5555_5555_5555_5555_5555]
values = sorted(set(values + [-v for v in values]))

for v in values:
    print(v, -v, abs(v), ~v, v.bit_length(), (-v).bit_length(), v.bit_count())
    for s in (0, 1, 2, 31, 62, 63, 64, 65, 126, 127, 128, 200):
        print(" ", s, v << s, v >> s)

masks = [2**64 - 1, 2**63, -(2**63), 2**127 - 1, -(2**127), 2**128 - 1, 0xF0F0, -1]
for v in values[::2]:
    for m in masks:
        print(v & m, v | m, v ^ m)

for bad in (-1, -(2**64), -(2**130)):
    for op in ("<<", ">>"):
        try:
            eval("(2**100) %s bad" % op)
        except ValueError as e:
            print(op, type(e).__name__, e)
try:
    2**100 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    2**100 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(-(2**70), 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
