import random
from decimal import Decimal as D, localcontext

def show(e):
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

for e in ['D(3)**D("2.0")','D(2)**D("0.5")','D("2.25")**D("0.5")','D(4)**D("0.5")','D(0)**D("0.5")','D(0)**D("-0.5")','D("1.5")**D("2.5")','D(10)**D("-2.5")','D(2)**D(3)','D("2.0")**3','D(2)**-1','D(7)**D("1E+2")','D(-8)**D("0.5")','D(0)**0','D(0)**-1','D("Infinity")**D("0.5")','D("1e5")**D("1e5")','D(-2)**3','D(-2)**-3','D("-0")**3','D(2)**D("Infinity")','D("0.5")**D("-Infinity")','D("1.0001")**D("10000.5")','2**D("0.5")','D(2)**0.5']:
    show(e)
random.seed(9)
for i in range(200):
    x = D(f"{random.randrange(1, 10**6)}E{random.randrange(-6, 3)}")
    y = D(f"{random.choice('+-')}{random.randrange(1, 10**4)}E{random.randrange(-4, 0)}")
    with localcontext(prec=random.randrange(1, 35), traps=[]) as ctx:
        ctx.clear_flags()
        r = x ** y
        flags = sorted(s.__name__ for s, v in ctx.flags.items() if v)
    print(i, x, y, r, flags)
