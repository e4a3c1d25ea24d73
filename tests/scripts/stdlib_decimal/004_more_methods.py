import decimal, numbers
from decimal import Decimal as D
from fractions import Fraction as F

def show(e):
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

for e in ['D.from_float(0.25)','D.from_float(5)','D.from_float("x")','D("1.5").max(D("2"))','D("1.5").min(2)','D("NaN").max(D(1))','D("2.0").max(D("2"))','D("-0").max(D("0"))','D("1.23").scaleb(2)','D("1.23").scaleb(-5)','D(2).fma(3, 5)','D("1.5").fma(D("1.5"), D("-0.25"))','isinstance(D(1), numbers.Number)','isinstance(D(1), numbers.Real)','D("0.5") == F(1, 2)','D("0.5") < F(2, 3)','D("0.75") > F(2, 3)','D(1) == F(1)','F(1, 2) == D("0.5")']:
    show(e)
