# a // b reports only what the integer quotient met: the remainder that
# divmod and % round to the context is not rounded here, so a remainder
# longer than the precision raises neither Inexact nor Rounded.
import decimal
from decimal import Decimal, localcontext

cases = [
    ("-" + "7" * 77 + "E-142", "-1" + "0" * 37 + "E35", 41),
    ("-" + "9" * 27 + "E-5", "-4688712055820000877E20", 2),
    ("1" * 45, "3", 50),
    ("1" * 45, "3" * 44, 5),
    ("123456789", "1E-3", 4),
]
for a, b, prec in cases:
    for name, op in (("//", lambda x, y: x // y), ("%", lambda x, y: x % y),
                     ("divmod", divmod)):
        with localcontext(prec=prec, traps=[]) as ctx:
            r = op(Decimal(a), Decimal(b))
            print(name, prec, r, sorted(s.__name__ for s, v in ctx.flags.items() if v))
