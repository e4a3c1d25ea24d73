from decimal import Decimal as D
from fractions import Fraction
import decimal

values = ["0", "-0", "1", "1.0", "1.00", "0.5", "-2.5", "1E+3", "1000", "123.456", "1e-20", "Infinity", "-Infinity"]
ds = [D(v) for v in values]
for x in ds:
    print(x, [x == y for y in ds].count(True), [x < y for y in ds].count(True), x == float(x), hash(x) == hash(float(x)) if x.is_finite() and float(x) == x else None)
print(D("0.5") == Fraction(1, 2) if False else None)
print(hash(D("1E+3")) == hash(1000), hash(D("-2.5")) == hash(-2.5), hash(D("Infinity")) == hash(float("inf")))
try:
    hash(D("sNaN"))
except TypeError as e:
    print("TypeError", e)
print(sorted(ds[:-2]), min(ds), max(ds))
print(D("1.1") + D("2.2"), D("1.1") + D("2.2") == D("3.3"), 1.1 + 2.2 == 3.3)
with decimal.localcontext() as ctx:
    ctx.traps[decimal.FloatOperation] = True
    try:
        D("1.5") < 2.5
    except decimal.FloatOperation as e:
        print("FloatOperation", e)
    print(D("1.5") == 1.5)
