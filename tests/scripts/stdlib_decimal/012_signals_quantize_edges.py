# Edge cases: quantize in every rounding mode and its InvalidOperation
# cases, traps raising the first trapped signal, huge exponents (overflow,
# clamping, subnormals), NaN payloads, and comparisons with int, float and
# Fraction.
from decimal import (Decimal, Context, localcontext, getcontext, InvalidOperation,
                     DivisionByZero, Overflow, Underflow, Inexact, Rounded,
                     Subnormal, Clamped, FloatOperation, ROUND_DOWN, ROUND_HALF_UP,
                     ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
                     ROUND_HALF_DOWN, ROUND_05UP)
from fractions import Fraction

MODES = [ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
         ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP]


def flags(ctx):
    return ",".join(sorted(s.__name__ for s, on in ctx.flags.items() if on))


def attempt(label, fn):
    ctx = getcontext()
    ctx.clear_flags()
    try:
        r = fn()
    except Exception as e:
        r = f"{type(e).__name__}"
    print(label, r, f"[{flags(ctx)}]")


print("-- quantize")
for mode in MODES:
    vals = [Decimal(s).quantize(Decimal("0.1"), rounding=mode)
            for s in ("2.25", "2.35", "-2.25", "2.251", "-2.249", "2.05", "2.15", "-0.04")]
    print(mode, " ".join(map(str, vals)))
attempt("q exp too big", lambda: Decimal("1.5").quantize(Decimal("1E+1000000")))
attempt("q too many digits", lambda: Decimal("123456789").quantize(Decimal("0.0000000000000000000001")))
attempt("q inf", lambda: Decimal("Infinity").quantize(Decimal("1")))
attempt("q inf inf", lambda: Decimal("-Infinity").quantize(Decimal("Infinity")))
attempt("q nan", lambda: Decimal("NaN123").quantize(Decimal("1")))
attempt("q int exp", lambda: Decimal("7.77").quantize(1))
attempt("q zero", lambda: Decimal("-0.000").quantize(Decimal("1E+3")))

print("-- traps")
with localcontext() as ctx:
    ctx.traps[Inexact] = True
    attempt("inexact trapped", lambda: Decimal(1) / 3)
    ctx.traps[Rounded] = True
    attempt("rounded first?", lambda: Decimal(2) / 3)
    ctx.traps[Inexact] = False
    attempt("rounded only", lambda: Decimal("1.00000000000000000000000000000001") + 0)
    attempt("exact", lambda: Decimal("1.5") * 2)
attempt("div by zero", lambda: Decimal(1) / 0)
attempt("0/0", lambda: Decimal(0) / 0)
attempt("inf-inf", lambda: Decimal("Inf") - Decimal("Inf"))
attempt("syntax", lambda: Decimal("1.2.3"))
with localcontext(Context(traps=[])) as ctx:
    attempt("quiet 0/0", lambda: Decimal(0) / 0)
    attempt("quiet syntax", lambda: Decimal("abc"))
    attempt("quiet 1/0", lambda: Decimal(-1) / 0)
with localcontext() as ctx:
    ctx.traps[FloatOperation] = True
    attempt("float ctor", lambda: Decimal(0.5))
    attempt("float eq", lambda: Decimal("0.5") == 0.5)
    attempt("float lt", lambda: Decimal("0.5") < 0.75)

print("-- huge exponents")
with localcontext(Context(prec=5, Emax=10, Emin=-10, traps=[])) as ctx:
    for text in ("9.9999E+10", "99999E+6", "1E+11", "0.00001E-10", "1E-14", "1.5E-14",
                 "1E-15", "0E+20", "-0E-30", "123.456E-12"):
        ctx.clear_flags()
        r = +Decimal(text)
        print(text, r, f"[{flags(ctx)}]")
    ctx.clear_flags()
    print("mul over", Decimal("9E+10") * 10, f"[{flags(ctx)}]")
    ctx.clear_flags()
    print("div under", Decimal("1E-10") / 7, f"[{flags(ctx)}]")
    ctx.rounding = ROUND_DOWN
    ctx.clear_flags()
    print("over down", Decimal("9E+10") * 10, f"[{flags(ctx)}]")
    ctx.clamp = 1
    ctx.clear_flags()
    print("clamp", +Decimal("1E+10"), f"[{flags(ctx)}]")
with localcontext(Context(traps=[])) as ctx:
    big = Decimal("1E+999999")
    print("big*10", big * 10, flags(ctx))
    print("tiny", Decimal("1E-999999") / 10 ** 30, flags(ctx))
print(Decimal("1e-1000000000000").adjusted(), Decimal("7E+999999999999").as_tuple().exponent)

print("-- NaN payloads")
for text in ("NaN", "NaN123", "-NaN45", "sNaN7", "-sNaN", "nan0012", "NAN"):
    d = Decimal(text)
    print(text, d, repr(d), d.as_tuple(), d.is_nan(), d.is_snan(), d.is_qnan())
with localcontext(Context(traps=[])) as ctx:
    print(Decimal("NaN12") + 1, Decimal("sNaN34") * 2, flags(ctx))
    ctx.clear_flags()
    print(Decimal(1) + Decimal("sNaN5"), Decimal("NaN6") + Decimal("sNaN7"), flags(ctx))
attempt("sNaN trapped", lambda: Decimal("sNaN9") + 1)
attempt("NaN eq", lambda: Decimal("NaN") == Decimal("NaN"))
attempt("NaN lt", lambda: Decimal("NaN") < 1)
attempt("NaN compare", lambda: Decimal("NaN3").compare(1))
print(Decimal("NaN1").compare_total(Decimal("NaN2")), Decimal("-NaN").compare_total(Decimal("sNaN")))

print("-- comparisons with int, float, Fraction")
pairs = [(Decimal("0.5"), 0.5), (Decimal("0.1"), 0.1), (Decimal("3"), 3),
         (Decimal("3.000"), 3), (Decimal("-2.5"), Fraction(-5, 2)),
         (Decimal("0.333"), Fraction(1, 3)), (Decimal("1E+30"), 10 ** 30),
         (Decimal("1E+30"), 10 ** 30 + 1), (Decimal("Infinity"), float("inf")),
         (Decimal("-Infinity"), -(10 ** 400))]
for d, x in pairs:
    print(repr(d), repr(x), d == x, d != x, d < x, d <= x, d > x, d >= x,
          hash(d) == hash(x))
print(sorted([Decimal("2.5"), 1, Fraction(7, 3), 2.25, Decimal("-1")]))
print(max(Decimal("1.0"), 1), min(1, Decimal("1.0")), Decimal("1.0") in {1}, {Decimal("2"): "x"}[2])
