import numbers
from fractions import Fraction
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1.5, numbers.Rational), isinstance(1j, numbers.Complex), isinstance(True, numbers.Number), isinstance('x', numbers.Number))
print(isinstance(Fraction(1, 2), numbers.Rational), issubclass(numbers.Integral, numbers.Complex), numbers.Real.__mro__)
print(sorted(numbers.Rational.__abstractmethods__))
class MyReal(numbers.Real):
    pass
try:
    MyReal()
except TypeError as e:
    print("TypeError", str(e)[:60])
print(Fraction(1, 2).real, Fraction(1, 2).imag, Fraction(1, 2).conjugate(), complex(Fraction(1, 2)))
print(divmod(Fraction(7, 2), 2), numbers.Number.__hash__)
