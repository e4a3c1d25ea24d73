import copy
import pickle
import numbers
from fractions import Fraction

class MyF(Fraction):
    pass

x = MyF(3, 6)
print(repr(x), type(x).__name__, type(x + 1).__name__, type(copy.copy(x)).__name__)
f = Fraction(22, 7)
print(copy.copy(f) is f, copy.deepcopy(f) is f)
for proto in range(6):
    y = pickle.loads(pickle.dumps(f, proto))
    print(proto, repr(y), y == f)
print(isinstance(f, numbers.Rational), isinstance(f, numbers.Real), isinstance(f, numbers.Integral))
print({Fraction(1, 2): "a", 0.5: "b", Fraction(2): "c", 2: "d"})
print(Fraction(7, 3).__floor__(), Fraction(7, 3).__ceil__(), Fraction(7, 3).__trunc__())
d = {}
for v in [Fraction(1, 2), Fraction(2, 4), 0.5, Fraction(3), 3, 3.0]:
    d[v] = d.get(v, 0) + 1
print(d)
print(Fraction(1, 3).limit_denominator(1), Fraction(-1, 3).limit_denominator(1))
print(Fraction.from_float(1e-300).limit_denominator(10**10))
print(f"{Fraction(5, 4)!s} {Fraction(5, 4)!r}")
