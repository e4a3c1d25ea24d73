from decimal import Decimal as D, getcontext
for v in ['0','-0','1.5','-1.5','1E-999999','1E-1000000','Infinity','-Infinity','NaN','-sNaN','1E+999999', '123.45']:
    d = D(v)
    try:
        lb = d.logb()
    except Exception as e:
        lb = type(e).__name__
    print(v, d.number_class(), d.is_normal(), d.is_subnormal(), lb, d.conjugate(), d.radix(), d.canonical(), d.is_canonical())
print(D('1.5').same_quantum(D('2.5')), D('1.5').same_quantum(D('2')), D('NaN').same_quantum(D('NaN')))
print(D('1.0').compare_total(D('1')), D('1').compare_total(D('1.0')), D('-0').compare_total(D('0')), D('NaN').compare_total(D(5)), D('2').compare_total(D('NaN')), D('-NaN').compare_total(D(-1)))
print(D('1.5').max_mag(D('-2')), D('1.5').min_mag(D('-2')), D('-2').max_mag(D('2')), D('2').min_mag(D('-2')))
vals = [D(x) for x in ['1', '1.0', '-1', '0', '-0', '2.50', 'Infinity', '-Infinity', 'NaN', 'sNaN', '-NaN', '0E+3', '1E-2']]
print([str(x) for x in sorted(vals, key=__import__('functools').cmp_to_key(lambda a, b: int(a.compare_total(b))))])
