# Random operands, precisions and rounding modes: results and flags agree
# with CPython's decimal (libmpdec) digit for digit.
import random
import decimal
from decimal import Decimal, localcontext

random.seed(11)
modes = [decimal.ROUND_DOWN, decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN,
         decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_UP,
         decimal.ROUND_HALF_DOWN, decimal.ROUND_05UP]


def rand_decimal():
    digits = random.randrange(1, 40)
    coeff = random.randrange(10 ** digits)
    sign = random.choice("+-")
    return Decimal(f"{sign}{coeff}E{random.randrange(-30, 30)}")


for i in range(400):
    a, b = rand_decimal(), rand_decimal()
    with localcontext(prec=random.randrange(1, 35), rounding=random.choice(modes),
                      traps=[]) as ctx:
        results = [a + b, a - b, a * b]
        if b:
            results += [a / b]
            q = a // b
            results += [q, a % b] if q.is_finite() else [q]
        results += [+a, abs(b), a.sqrt() if not a.is_signed() else a.copy_abs().sqrt()]
        results += [a.quantize(Decimal("1E-5")) if a.adjusted() < ctx.prec - 6 else a]
        flags = sorted(s.__name__ for s, v in ctx.flags.items() if v)
    print(i, a, b, [str(r) for r in results], flags)
