"""Rational numbers of arbitrary precision: Fraction(numerator, denominator).

A Fraction is kept in lowest terms with a positive denominator. Mixed
arithmetic follows the numeric tower: with an int or another Rational the
result is exact (a Fraction; // and divmod give ints), with a float it is a
float, with a complex a complex. Hashes agree with int and float for equal
values (the scheme the docs describe under "Hashing of numeric types").
"""

import math, numbers, operator, re, sys

__all__ = ["Fraction"]

_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf

# An optional sign, then either "num/den" or a decimal with an exponent;
# underscores between digits as in int and float literals.
_DIGITS = r"\d+(?:_\d+)*"
_LITERAL = re.compile(
    r"\s*(?P<sign>[-+]?)(?:"
    rf"(?P<num>{_DIGITS})/(?P<den>{_DIGITS})"
    rf"|(?P<int>{_DIGITS})?(?:\.(?P<frac>{_DIGITS})?)?"
    rf"(?:[eE](?P<exp>[-+]?{_DIGITS}))?"
    r")\s*\Z")


def _parse(text):
    """(numerator, denominator) of a literal; ValueError when malformed."""
    m = _LITERAL.match(text)
    if m is None or not (m["num"] or m["int"] or m["frac"]):
        raise ValueError(f"Invalid literal for Fraction: {text!r}")
    if m["num"]:
        num, den = int(m["num"]), int(m["den"])
        if den == 0:
            raise ZeroDivisionError(f"Fraction({num}, 0)")
    else:
        whole = m["int"] or "0"
        frac = (m["frac"] or "").replace("_", "")
        num = int(whole.replace("_", "") + frac)
        den = 10 ** len(frac)
        exp = int(m["exp"]) if m["exp"] else 0
        if exp >= 0:
            num *= 10 ** exp
        else:
            den *= 10 ** -exp
    if m["sign"] == "-":
        num = -num
    return num, den


class Fraction(numbers.Rational):
    """Fraction(3, 4), Fraction('3/4'), Fraction(0.75), Fraction('0.75')."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            n, d, _normalize = _single_ratio(numerator)
        elif type(numerator) is int and type(denominator) is int:
            n, d = numerator, denominator
        elif all(isinstance(x, numbers.Rational) for x in (numerator, denominator)):
            n = numerator.numerator * denominator.denominator
            d = numerator.denominator * denominator.numerator
        else:
            raise TypeError("both arguments should be Rational instances")
        if not d:
            raise ZeroDivisionError(f"Fraction({n}, 0)")
        if _normalize:
            common = math.gcd(n, d) * (1 if d > 0 else -1)
            n, d = n // common, d // common
        obj = super().__new__(cls)
        obj._numerator = n
        obj._denominator = d
        return obj

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (or an int)."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(f"{cls.__name__}.from_float() only takes floats, "
                            f"not {f!r} ({type(f).__name__})")
        return cls._exact(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a decimal.Decimal (or an int)."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if not _is_decimal(dec):
            raise TypeError(f"{cls.__name__}.from_decimal() only takes "
                            f"Decimals, not {dec!r} ({type(dec).__name__})")
        return cls._exact(*dec.as_integer_ratio())

    @classmethod
    def _exact(cls, n, d):
        # n/d already in lowest terms with d > 0.
        return cls(n, d, _normalize=False)

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction whose denominator is at most max_denominator.

        Walks the continued fraction of self: its convergents are the best
        approximations; the last one within the bound is compared with the
        best semiconvergent between it and the previous one.
        """
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        top, bottom = self._numerator, self._denominator
        if bottom <= max_denominator:
            return Fraction(self)
        # h/k runs over the convergents; (h_prev, k_prev) is the one before.
        h_prev, k_prev, h, k = 0, 1, 1, 0
        rest_num, rest_den = top, bottom
        for _ in iter(int, 1):
            term = rest_num // rest_den
            k_next = k_prev + term * k
            if k_next > max_denominator:
                break
            h_prev, h = h, h_prev + term * h
            k_prev, k = k, k_next
            rest_num, rest_den = rest_den, rest_num - term * rest_den
        steps = (max_denominator - k_prev) // k
        candidates = (Fraction(h, k), Fraction(h_prev + steps * h, k_prev + steps * k))
        return min(candidates, key=lambda c: abs(c - self))

    numerator = property(operator.attrgetter("_numerator"),
                         doc="The numerator, in lowest terms.")
    denominator = property(operator.attrgetter("_denominator"),
                           doc="The denominator, positive, in lowest terms.")

    def __repr__(self):
        return f"{type(self).__name__}({self._numerator}, {self._denominator})"

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return f"{self._numerator}/{self._denominator}"

    # --- arithmetic ---
    #
    # _binary makes the forward and reflected methods of one operator from
    # the exact rule for two rationals; floats and complex numbers fall back
    # to the float (or complex) operation.

    def _binary(exact, fallback, name):
        def forward(a, b):
            if isinstance(b, (int, Fraction)):
                return exact(a, b)
            if isinstance(b, float):
                return fallback(float(a), b)
            if isinstance(b, complex):
                return fallback(complex(a), b)
            return NotImplemented

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return exact(a, b)
            if isinstance(a, numbers.Real):
                return fallback(float(a), float(b))
            if isinstance(a, numbers.Complex):
                return fallback(complex(a), complex(b))
            return NotImplemented

        forward.__name__ = f"__{name}__"
        reverse.__name__ = f"__r{name}__"
        return forward, reverse

    def _add(x, y):
        (xn, xd), (yn, yd) = _ratio(x), _ratio(y)
        return Fraction(xn * yd + yn * xd, xd * yd)

    def _sub(x, y):
        (xn, xd), (yn, yd) = _ratio(x), _ratio(y)
        return Fraction(xn * yd - yn * xd, xd * yd)

    def _mul(x, y):
        return Fraction(x.numerator * y.numerator, x.denominator * y.denominator)

    def _div(x, y):
        return Fraction(x.numerator * y.denominator, x.denominator * y.numerator)

    def _floordiv(x, y):
        return (x.numerator * y.denominator) // (x.denominator * y.numerator)

    def _divmod(x, y):
        den = x.denominator * y.denominator
        q, r = divmod(x.numerator * y.denominator, x.denominator * y.numerator)
        return q, Fraction(r, den)

    def _mod(x, y):
        den = x.denominator * y.denominator
        return Fraction((x.numerator * y.denominator) % (y.numerator * x.denominator), den)

    __add__, __radd__ = _binary(_add, operator.add, "add")
    __sub__, __rsub__ = _binary(_sub, operator.sub, "sub")
    __mul__, __rmul__ = _binary(_mul, operator.mul, "mul")
    __truediv__, __rtruediv__ = _binary(_div, operator.truediv, "truediv")
    __floordiv__, __rfloordiv__ = _binary(_floordiv, operator.floordiv, "floordiv")
    __divmod__, __rdivmod__ = _binary(_divmod, divmod, "divmod")
    __mod__, __rmod__ = _binary(_mod, operator.mod, "mod")
    del _binary

    def __pow__(a, b):
        if isinstance(b, numbers.Rational):
            if b.denominator != 1:
                return float(a) ** float(b)
            power = b.numerator
            if power >= 0:
                return Fraction._exact(a._numerator ** power,
                                       a._denominator ** power)
            if a._numerator == 0:
                raise ZeroDivisionError(f"Fraction({a._denominator ** -power}, 0)")
            num, den = a._denominator ** -power, a._numerator ** -power
            if den < 0:
                num, den = -num, -den
            return Fraction._exact(num, den)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(self, base):
        exponent_int = self._denominator == 1
        if exponent_int and self._numerator >= 0:
            return base ** self._numerator
        if isinstance(base, numbers.Rational):
            # An exact base: let __pow__ give a Fraction (or a float).
            return Fraction(base.numerator, base.denominator) ** self
        return base ** (self._numerator if exponent_int else float(self))

    def __pos__(self):
        return Fraction._exact(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction._exact(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction._exact(abs(self._numerator), self._denominator)

    def __int__(self, _index=operator.index):
        if self._numerator < 0:
            return _index(-(-self._numerator // self._denominator))
        return _index(self._numerator // self._denominator)

    def __trunc__(self):
        return int(self)

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        """Half to even; with ndigits, a Fraction rounded to that place."""
        if ndigits is None:
            q, r = divmod(self._numerator, self._denominator)
            twice = 2 * r
            if twice > self._denominator or (twice == self._denominator and q % 2):
                q += 1
            return q
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * scale), scale)
        return Fraction(round(self / scale) * scale)

    def __hash__(self):
        # The value modulo the hash modulus P: numerator * (1/denominator),
        # with 1/denominator the inverse mod P; a denominator that P
        # divides has no inverse and hashes as infinity.
        try:
            inverse = pow(self._denominator, -1, _MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * inverse)
        if self._numerator < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(self, other):
        if isinstance(other, numbers.Rational):
            return (self._numerator, self._denominator) == (other.numerator, other.denominator)
        if isinstance(other, numbers.Complex) and not isinstance(other, numbers.Real):
            if other.imag != 0:
                return False
            other = other.real
        if not isinstance(other, float):
            return NotImplemented
        if math.isfinite(other):
            return self == Fraction.from_float(other)
        return other == 0.0  # nan or an infinity: never equal

    def _order(self, other, test):
        """test(self - other, 0) for self rational or self float other."""
        if isinstance(other, numbers.Rational):
            return test(self._numerator * other.denominator,
                        self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return test(0.0, other)
            return self._order(self.from_float(other), test)
        return NotImplemented

    def __lt__(self, other):
        return self._order(other, operator.lt)

    def __gt__(self, other):
        return self._order(other, operator.gt)

    def __le__(self, other):
        return self._order(other, operator.le)

    def __ge__(self, other):
        return self._order(other, operator.ge)

    def __bool__(self):
        return self._numerator != 0

    def __reduce__(self):
        return type(self), self.as_integer_ratio()

    def __copy__(self):
        # Immutable: an exact Fraction is its own copy.
        cls = type(self)
        return self if cls is Fraction else cls(*self.as_integer_ratio())

    def __deepcopy__(self, memo):
        return self.__copy__()


def _ratio(q):
    return q.numerator, q.denominator


def _single_ratio(value):
    """(numerator, denominator, needs_reducing) of a one-argument Fraction()."""
    if isinstance(value, str):
        return (*_parse(value), True)
    if isinstance(value, numbers.Rational):
        return value.numerator, value.denominator, False
    if isinstance(value, float) or _is_decimal(value):
        return (*value.as_integer_ratio(), False)
    raise TypeError("argument should be a string or a Rational instance")


def _is_decimal(x):
    module = sys.modules.get("decimal")
    return module is not None and isinstance(x, module.Decimal)
