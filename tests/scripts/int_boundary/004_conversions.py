# to_bytes/from_bytes, __index__, str/repr/format/int(str), pow with a
# modulus, and pickle round trips for values beside the boundaries.
import pickle

values = []
for e in (62, 63, 64, 65, 126, 127, 128, 129):
    for d in (-1, 0, 1):
        values.append(2 ** e + d)
values = sorted(set(values + [-v for v in values] + [0, 255, -256]))

for v in values:
    n = (v.bit_length() + 8) // 8
    for order in ("big", "little"):
        b = v.to_bytes(n, order, signed=True)
        assert int.from_bytes(b, order, signed=True) == v
        print(v, order, b.hex())
    if v >= 0:
        b = v.to_bytes(max(1, (v.bit_length() + 7) // 8), "big")
        print(" unsigned", b.hex(), int.from_bytes(b, "big") == v)
    print(" ", str(v), repr(v), format(v, "x"), format(v, "#o"), format(v, ",d"), format(v, "_b")[-20:])
    print(" ", int(str(v)) == v, int(hex(v), 16) == v, int(format(v, "b"), 2) == v)
    print(" ", pow(v, 3, 2**127 - 1), pow(v, 65537, 10**9 + 7), pow(v, 2, -(2**64 + 13)))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(v, proto)) == v
    print(" ", pickle.dumps(v, 2).hex())

for v in (2**64, -(2**64) - 1, 2**127):
    try:
        v.to_bytes(8, "big", signed=True)
    except OverflowError as e:
        print("OverflowError", e)

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

for v in (2**63, -(2**63) - 1, 2**100):
    print(Idx(v).__index__() == v, bin(Idx(v))[:12], hex(Idx(v)), oct(Idx(v))[-5:])
    print(list(range(v, v + 3)), range(v)[-1] == v - 1, [1, 2, 3][Idx(1)])
    try:
        [1, 2, 3][Idx(v)]
    except IndexError as e:
        print("IndexError", e)

print(pow(3, -1, 2**127 - 1), pow(2**100 + 1, -1, 2**89 - 1))
print(sum(range(2**64 - 10, 2**64 + 10)), sum(i * i * i for i in range(100000)))
print(round(2**100 + 7, -2), round(-(2**70) - 50, -2), int(2**65 + 0.0), int(-2.0**80))
print(max(2**64, 2**64 - 1, 2.0**64), min(-(2**127), -(2**127) + 1))

class MyInt(int):
    pass

m = MyInt(2**100)
print(type(m + 1).__name__, m + 1, type(-m).__name__, m >> 90, m == 2**100, hash(m) == hash(2**100))
print(True + 2**63, (2**64) * False, -(2**63) - True)
