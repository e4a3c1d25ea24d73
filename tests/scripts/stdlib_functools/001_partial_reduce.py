from functools import partial, reduce
import operator
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(7), two_to(10), square.func is power, square.keywords, two_to.args)
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6)), reduce(operator.add, [], 0))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
p = partial(print, sep="-")
p("a", "b", "c")
int2 = partial(int, base=2)
print(int2("1010"), int2("111"))
