# Coefficients on both sides of 38 digits (the longest an unsigned 128-bit
# word holds): sums and products that carry from 38 into 39 digits, rounding
# exactly at the boundary in every mode, negative zero, exponents at Emin,
# Etiny and Emax, and NaN payloads; results and flags as CPython's.
import decimal
from decimal import Decimal, localcontext

MODES = [decimal.ROUND_DOWN, decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN,
         decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_UP,
         decimal.ROUND_HALF_DOWN, decimal.ROUND_05UP]

NINES38 = Decimal("9" * 38)
NINES39 = Decimal("9" * 39)
TEN38 = Decimal("1" + "0" * 38)
HALF39 = Decimal("1" + "0" * 37 + "5")      # 39 digits ending in a 5
ODD39 = Decimal("1" * 38 + "5")


def flags(ctx):
    return sorted(s.__name__ for s, v in ctx.flags.items() if v)


def show(label, fn, **settings):
    with localcontext(traps=[], **settings) as ctx:
        try:
            r = fn()
        except Exception as e:
            r = type(e).__name__
        print(label, r, flags(ctx))


# Carries across the boundary, with room for 40 digits and without.
for prec in (38, 39, 40, 50):
    show(f"p{prec} nines38+1", lambda: NINES38 + 1, prec=prec)
    show(f"p{prec} nines38-(-1)", lambda: NINES38 - Decimal(-1), prec=prec)
    show(f"p{prec} ten38-1", lambda: TEN38 - 1, prec=prec)
    show(f"p{prec} nines38*9", lambda: NINES38 * 9, prec=prec)
    show(f"p{prec} nines39/3", lambda: NINES39 / 3, prec=prec)
    show(f"p{prec} 2**127+2**127", lambda: Decimal(2**127) + Decimal(2**127), prec=prec)
    show(f"p{prec} (10**19)**2", lambda: Decimal(10**19) * Decimal(10**19), prec=prec)
    show(f"p{prec} (10**19-1)**2", lambda: Decimal(10**19 - 1) ** 2, prec=prec)

# Rounding a 39-digit value to 38 digits, and 38 to 37, in every mode.
for mode in MODES:
    for x in (HALF39, -HALF39, ODD39, NINES39, Decimal("9" * 38), Decimal("-" + "9" * 38)):
        show(f"{mode} +{x}", lambda: +x, prec=38, rounding=mode)
        show(f"{mode} +{x} p37", lambda: +x, prec=37, rounding=mode)

# Quantize and rescale over the boundary.
show("quantize up to 38", lambda: Decimal("1.5").quantize(Decimal("1E-37")), prec=38)
show("quantize up to 39", lambda: Decimal("1.5").quantize(Decimal("1E-38")), prec=38)
show("quantize up to 39 p39", lambda: Decimal("1.5").quantize(Decimal("1E-38")), prec=39)
show("quantize down", lambda: Decimal("1." + "9" * 38).quantize(Decimal("0.01")), prec=50)
show("quantize all gone", lambda: Decimal("4" * 39 + "E-60").quantize(Decimal("1")), prec=50)

# Comparisons and hashes agree whichever form the coefficient takes.
pairs = [(Decimal("1" + "0" * 38), Decimal("1E+38")), (NINES38, NINES38 + 0),
         (Decimal("12345678901234567890123456789012345678"),
          Decimal("123456789012345678901234567890123456780E-1")),
         (Decimal("-0"), Decimal("0E+40")), (Decimal("1E-39"), Decimal("0.000"))]
for a, b in pairs:
    print("cmp", a, b, a == b, a < b, a > b, hash(a) == hash(b), a.compare(b))
print("hash 39", hash(Decimal("1" * 39)) == hash(int("1" * 39)))
print("hash 38", hash(Decimal("7" * 38)) == hash(int("7" * 38)))
print("str", str(Decimal("1" * 39 + "E-45")), str(Decimal("-" + "2" * 38 + "E+3")))
print("tuple", Decimal("9" * 39).as_tuple().digits[-2:], len(Decimal("9" * 39).as_tuple().digits))

# Negative zero keeps its sign where the specification says.
show("-0 + -0", lambda: Decimal("-0") + Decimal("-0"))
show("-0 - 0", lambda: Decimal("-0") - Decimal("0"))
show("1 - 1 floor", lambda: Decimal(1) - Decimal(1), rounding=decimal.ROUND_FLOOR)
show("-0 * 5", lambda: Decimal("-0") * 5)
show("-0 / 7", lambda: Decimal("-0") / 7)
show("-0E-50 quantize", lambda: Decimal("-0E-50").quantize(Decimal("1E-2")))
show("-x + x p38", lambda: -NINES38 + NINES38, prec=38)

# Exponents at the limits.
for prec in (5, 38, 40):
    show(f"p{prec} emax overflow", lambda: Decimal("9" * prec + "E+90") * 10, prec=prec,
         Emax=99, Emin=-99)
    show(f"p{prec} emax fits", lambda: Decimal("9" * prec + "E" + str(99 - prec + 1)) + 0,
         prec=prec, Emax=99, Emin=-99)
    show(f"p{prec} clamp", lambda: Decimal("1E+99") + 0, prec=prec, Emax=99, Emin=-99, clamp=1)
    show(f"p{prec} subnormal", lambda: Decimal("1" * 39 + "E-140") + 0, prec=prec, Emax=99,
         Emin=-99)
    show(f"p{prec} etiny", lambda: Decimal("5E-" + str(99 + prec)) / 2, prec=prec, Emax=99,
         Emin=-99)
    show(f"p{prec} underflow to 0", lambda: Decimal("1E-200") * Decimal("1E-10"), prec=prec,
         Emax=99, Emin=-99)

# NaN payloads, short and long.
for text in ("NaN", "-NaN7", "sNaN123", "NaN" + "1" * 38, "NaN" + "2" * 39, "sNaN0042"):
    d = Decimal(text)
    print("payload", text, repr(d), d.as_tuple().digits[:3], str(d)[:8])
    show(f"{text} + 1", lambda: d + 1, prec=50)
    show(f"{text} quantize", lambda: Decimal(1).quantize(d), prec=50)
