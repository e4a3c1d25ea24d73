# Arithmetic across the boundary between machine-word coefficients (up to 38
# digits) and long ones, in every rounding mode and at precisions around
# that boundary, with the flags each operation raises; subnormal results
# (rounded once, straight to Etiny) included.
import random
from decimal import (Decimal, localcontext, Inexact, ROUND_DOWN, ROUND_HALF_UP,
                     ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
                     ROUND_HALF_DOWN, ROUND_05UP)

MODES = [ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
         ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP]
rng = random.Random(11)


def number():
    kind = rng.randrange(6)
    size = rng.choice([1, 2, 9, 18, 19, 20, 28, 37, 38, 39, 45])
    digits = "".join(rng.choice("0123456789") for _ in range(size))
    if kind == 0:
        digits = "9" * size
    elif kind == 1:
        digits = "5" + "0" * (size - 1)
    exp = rng.choice([0, -2, -10, 3, -30, 20, -1])
    return Decimal(f"{rng.choice(['', '-'])}{digits}E{exp}")


def flags(ctx):
    return ",".join(sorted(s.__name__ for s, on in ctx.flags.items() if on))


for _ in range(700):
    a, b = number(), number()
    with localcontext() as ctx:
        ctx.prec = rng.choice([1, 3, 9, 18, 19, 28, 37, 38, 39, 50])
        ctx.rounding = rng.choice(MODES)
        ctx.Emax = rng.choice([999999, 45])
        ctx.Emin = rng.choice([-999999, -45])
        ctx.traps[Inexact] = False
        row = []
        for op in ("+", "-", "*", "/"):
            ctx.clear_flags()
            try:
                r = eval("a %s b" % op)
            except Exception as e:
                r = type(e).__name__
            row.append(f"{r} [{flags(ctx)}]")
        print(a, b, ctx.prec, ctx.rounding[6:], "|", " | ".join(row))
