"""The numeric tower of abstract base classes (PEP 3141).

Number > Complex > Real > Rational > Integral. Each level lists the
operations it promises (abstract: a concrete subclass must define them) and
the ones it can derive from those (concrete defaults). The builtin types are
registered at their level, so isinstance(x, numbers.Real) is how code asks
"is this a real number?".
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


def _abstract(name):
    def method(self, *args):
        raise NotImplementedError
    method.__name__ = method.__qualname__ = name
    return abstractmethod(method)


def _abstract_property(name):
    def getter(self):
        raise NotImplementedError
    getter.__name__ = name
    return property(abstractmethod(getter))


def _level(name, base, doc, abstract="", properties="", **concrete):
    """An ABC of the tower: `abstract` and `properties` are space-separated
    names of abstract methods and properties; `concrete` the defaults."""
    namespace = {"__doc__": doc, "__slots__": (), "__module__": __name__}
    for n in abstract.split():
        namespace[n] = _abstract(n)
    for n in properties.split():
        namespace[n] = _abstract_property(n)
    namespace.update(concrete)
    return ABCMeta(name, (base,), namespace)


class Number(metaclass=ABCMeta):
    """Every number; promises no operation."""
    __slots__ = ()
    __hash__ = None


def _complex_sub(self, other):
    return self + -other


def _complex_rsub(self, other):
    return -self + other


Complex = _level(
    "Complex", Number,
    "Numbers with complex arithmetic: + - * / ** abs, real and imag.",
    abstract="__complex__ __add__ __radd__ __neg__ __pos__ __mul__ __rmul__ "
             "__truediv__ __rtruediv__ __pow__ __rpow__ __abs__ conjugate __eq__",
    properties="real imag",
    __bool__=lambda self: self != 0,
    __sub__=_complex_sub,
    __rsub__=_complex_rsub,
)
Complex.register(complex)

Real = _level(
    "Real", Complex,
    "Complex numbers on the real line: ordered, with floor division.",
    abstract="__float__ __trunc__ __floor__ __ceil__ __round__ __floordiv__ "
             "__rfloordiv__ __mod__ __rmod__ __lt__ __le__",
    __divmod__=lambda self, other: (self // other, self % other),
    __rdivmod__=lambda self, other: (other // self, other % self),
    __complex__=lambda self: complex(float(self)),
    real=property(lambda self: +self),
    imag=property(lambda self: 0),
    conjugate=lambda self: +self,
)
Real.register(float)

Rational = _level(
    "Rational", Real,
    "Real numbers that are a ratio of two integers.",
    properties="numerator denominator",
    __float__=lambda self: int(self.numerator) / int(self.denominator),
)

Integral = _level(
    "Integral", Rational,
    "The integers: bit operations, __index__, pow with a modulus.",
    abstract="__int__ __pow__ __lshift__ __rlshift__ __rshift__ __rrshift__ "
             "__and__ __rand__ __xor__ __rxor__ __or__ __ror__ __invert__",
    __index__=lambda self: int(self),
    __float__=lambda self: float(int(self)),
    numerator=property(lambda self: +self),
    denominator=property(lambda self: 1),
)
Integral.register(int)
