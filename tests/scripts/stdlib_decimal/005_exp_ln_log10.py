import random
import decimal
from decimal import Decimal as D, localcontext

def show(e):
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

for e in ['D(2).ln()','D(1).ln()','D(0).ln()','D(-1).ln()','D("Infinity").ln()','D(10).ln()','D("0.001").ln()','D("1e100").ln()','D(1).exp()','D(0).exp()','D(-1).exp()','D("Infinity").exp()','D("-Infinity").exp()','D(100).exp()','D("1e-30").exp()','D(100).log10()','D("0.01").log10()','D(2).log10()','D("1e-5").log10()','D(5000000).exp()','D(-5000000).exp()','D("2.5").exp()']:
    show(e)
random.seed(5)
for i in range(300):
    digits = random.randrange(1, 30)
    x = D(f"{random.randrange(1, 10 ** digits)}E{random.randrange(-25, 5)}")
    with localcontext(prec=random.randrange(1, 40), traps=[]) as ctx:
        r = [x.ln(), x.log10(), (x if x.adjusted() < 4 else x.scaleb(-x.adjusted())).exp(), (-x if x.adjusted() < 4 else -x.scaleb(-x.adjusted())).exp()]
        flags = sorted(s.__name__ for s, v in ctx.flags.items() if v)
    print(i, x, [str(v) for v in r], flags)
