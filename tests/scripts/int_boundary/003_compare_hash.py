# Comparisons, hashes (CPython's modulo 2**61 - 1), and ints as dict keys
# and set members at the boundaries; float and complex mixing.
values = []
for e in (60, 61, 62, 63, 64, 65, 120, 126, 127, 128, 129, 300):
    for d in (-2, -1, 0, 1, 2):
        values.append(2 ** e + d)
values += [2**61 - 1, 2 * (2**61 - 1), 10**30]
values = sorted(set(values + [-v for v in values]))

for v in values:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2**53 else "-", v == float(v))

for a, b in zip(values, values[1:]):
    assert a < b and b > a and a != b and a <= b and not a >= b
print("ordered", len(values))

d = {v: i for i, v in enumerate(values)}
print(all(d[v] == i for i, v in enumerate(values)), len(set(values)))

for v in (2**63, -(2**63), 2**64 - 1, 2**100 + 1, 2**127, -(2**127) - 1, 2**128, 2**200):
    f = float(v)
    print(v, f, v == f, v < f, v > f, int(f), v + 0.5, v * 1.0, v / 3, v // 3.0, v % 7.0)
    print(complex(v, 1), v + 1j, v * (1 + 1j) == complex(v, v))
    print(v == v + 0, v is not None, v // v, v % v, (v * 3) // 3 == v)

print(2**63 == 9223372036854775808.0, 2**64 + 1 == float(2**64), 2**64 + 1 > float(2**64))
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError", e)
