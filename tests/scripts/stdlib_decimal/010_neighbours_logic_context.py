from decimal import Decimal as D, getcontext, Context, localcontext
import decimal
print(D(1).next_plus(), D(1).next_minus(), D(0).next_plus(), D(-0).next_minus(), D(1).next_toward(D(0)), D(1).next_toward(D(2)), D(1).next_toward(D(1)), D('9.999999999999999999999999999E+999999').next_plus(), D('Infinity').next_minus(), D('-Infinity').next_plus())
print(D(10).remainder_near(D(6)), D(10).remainder_near(D(4)), D(-10).remainder_near(D(6)), D(11).remainder_near(D(2)), D('3.6').remainder_near(D('1.3')), D(-11).remainder_near(D(-2)), D('1.5').remainder_near(D(1)), D('2.5').remainder_near(D(1)))
print(D(2).compare_signal(D(3)), D('1101').logical_and(D('1011')), D('1101').logical_or(D('1011')), D('1101').logical_xor(D('1011')), D('1101').logical_invert(), D('123456789').rotate(2), D('123456789').shift(-2), D(123).shift(3), D(123).rotate(-1))
for e in ['D("12").logical_and(D("1"))', 'D(1).compare_signal(D("NaN"))', 'D("-1.5").compare_total_mag(D(1))']:
    try:
        print(eval(e))
    except decimal.InvalidOperation as x:
        print("InvalidOperation", x)
c = Context(prec=5, traps=[])
print(c.exp(1), c.ln(10), c.log10(1000), c.next_plus(1), c.max(1, 2), c.min_mag(-3, 2), c.rotate(12345, 1), c.is_zero(0), c.copy_sign(1, -2), c.radix(), c.compare_total(1, 2), c.fma(2, 3, 4), c.same_quantum(1, 2), c.logical_xor(1, 11), c.number_class(-1), c.scaleb(1, 3), c.copy_decimal(5))
with localcontext(prec=3):
    print(D(1).next_plus(), D(100).next_minus(), D('0.001').next_toward(1))
