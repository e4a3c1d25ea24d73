# An operation's NaN result keeps at most prec - clamp digits of its
# payload (the last ones); Context.compare uses that context, not the current one.
from decimal import Decimal, Context, localcontext

long_nan = Decimal("NaN" + "1234567890" * 4 + "7")
for prec, clamp in ((28, 0), (5, 0), (5, 1), (41, 0), (45, 0), (1, 1)):
    c = Context(prec=prec, clamp=clamp, traps=[])
    print(prec, clamp, repr(c.add(long_nan, 1)), repr(c.plus(Decimal("-sNaN" + "9" * 40))),
          repr(c.compare(long_nan, Decimal(3))), repr(c.quantize(Decimal(1), long_nan)))
    print(sorted(s.__name__ for s, v in c.flags.items() if v))
print(repr(Decimal("NaN000123") + 1), repr(Decimal("NaN1" + "0" * 30) * 2))
with localcontext(prec=3):
    print(repr(Decimal("NaN10001") - 5), repr(long_nan.compare(Decimal(1))))
