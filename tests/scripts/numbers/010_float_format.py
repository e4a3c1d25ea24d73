vals = [0.0, 1.0, -2.5, 3.14159, 1e16, 1e-7, 123456.789, 1e22, 0.1]
for v in vals:
    print(repr(v), str(v), f"{v:.2f}", f"{v:e}", f"{v:g}", "%s" % v, "%.3g" % v)
print(float.is_integer(3.0), (3.5).is_integer())
print(int(1e16), int(-2.9), int(1e20))
print(1e16 == 10 ** 16, 0.1 * 10 == 1.0, sum([0.1] * 10))
import math
print(math.fsum([0.1] * 10), math.trunc(-2.7), math.floor(-2.5), math.ceil(-2.5))
