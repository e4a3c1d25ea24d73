import decimal as d
from decimal import Decimal as D

def show(e):
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

def _all():
      show(e)

def import_ctx():
    with d.localcontext() as ctx:
        ctx.prec = 5
        a = D(1) / D(7)
    with d.localcontext(prec=3, rounding=d.ROUND_UP) as ctx:
        b = D(1) / D(7)
    return a, b, d.getcontext().prec

_all()
ctx = d.Context(prec=6, traps=[])
print(ctx, ctx.divide(D(1), D(0)), ctx.flags[d.DivisionByZero], ctx.create_decimal("3.14159265"))
print(d.ExtendedContext, d.BasicContext.prec)
ctx.clear_flags()
print(ctx.add(D("1.0000005"), 0), ctx.flags[d.Inexact], ctx.flags[d.Rounded])
c2 = d.getcontext()
c2.traps[d.Inexact] = True
try:
    D(1) / D(3)
except d.Inexact as e:
    print("Inexact", e)
c2.traps[d.Inexact] = False
try:
    D("1e999999") * D("1e999999")
except d.Overflow as e:
    print("Overflow", e)
print(issubclass(d.DivisionByZero, ZeroDivisionError), d.FloatOperation.__mro__[1:3])
import pickle, copy
x = D("3.14")
print(pickle.loads(pickle.dumps(x)) == x, copy.copy(x) is x, repr(pickle.loads(pickle.dumps(x))))
class MyD(D):
    pass
print(repr(MyD("1.5")), type(MyD("1.5")).__name__, isinstance(MyD(1), D))
print(d.getcontext().flags[d.FloatOperation])
