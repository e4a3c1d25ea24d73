"""Descriptive statistics of numeric data, and the normal distribution.

Averages and spreads of ints, floats and Fractions are computed exactly:
every value becomes a numerator/denominator pair, the sums are exact
rationals, and only the final result is converted back to the data's type
(an int mean that is not whole becomes a float). So variance([0.1] * 3) is
exactly 0.0, and stdev is the correctly rounded square root of the exact
variance. The correlation and regression functions work in floats with
math.fsum, as their documentation says.
"""

import bisect
import math
import random
import sys
from collections import namedtuple
from fractions import Fraction
from numbers import Real

__all__ = [
    "NormalDist", "StatisticsError", "correlation", "covariance", "fmean",
    "geometric_mean", "harmonic_mean", "linear_regression", "mean",
    "median", "median_grouped", "median_high", "median_low", "mode",
    "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance",
]


class StatisticsError(ValueError):
    pass


# --- exact arithmetic over mixed numeric types ---

def _ratio(x):
    """x as (numerator, denominator); (x, None) for an infinity or NaN."""
    if type(x) is int or type(x) is bool:
        return int(x), 1
    try:
        return x.as_integer_ratio()
    except (OverflowError, ValueError):
        return x, None  # not finite: carried through as is
    except AttributeError:
        pass
    if isinstance(x, Fraction):
        return x.numerator, x.denominator
    raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _common_type(t, s):
    """The type a result over values of types t and s is given."""
    if t is s:
        return t
    if s is int or s is bool:
        return t
    if t is int:
        return s
    for a, b in ((t, s), (s, t)):
        if issubclass(b, a):
            return b
    for a, b in ((t, s), (s, t)):
        if issubclass(a, int):
            return b
    if issubclass(t, Fraction) and issubclass(s, float):
        return s
    if issubclass(t, float) and issubclass(s, Fraction):
        return t
    raise TypeError(f"don't know how to coerce {t.__name__} and {s.__name__}")


def _result_type(kinds):
    kind = int
    for k in kinds:
        kind = _common_type(kind, k)
    return kind


def _exact_sum(data):
    """(result type, exact sum as a Fraction or a non-finite float, count)."""
    kinds = {}
    count = 0
    by_denominator = {}
    special = None
    for x in data:
        n, d = _ratio(x)
        kinds[type(x)] = None
        count += 1
        if d is None:
            special = n if special is None else special + n
        else:
            by_denominator[d] = by_denominator.get(d, 0) + n
    kind = _result_type(kinds)
    if special is not None:
        return kind, special, count
    total = sum((Fraction(n, d) for d, n in by_denominator.items()), Fraction(0))
    return kind, total, count


def _to_type(value, kind):
    """An exact result given back in the data's type."""
    if type(value) is kind:
        return value
    if issubclass(kind, int) and value.denominator != 1:
        kind = float
    return kind(value)


def _squared_deviations(data, centre=None):
    """(type, exact sum of squared deviations, centre, count). Without a
    centre the exact mean is used."""
    if centre is not None:
        kind, total, count = _exact_sum((x - centre) * (x - centre) for x in data)
        return kind, total, centre, count
    kinds = {}
    count = 0
    sums = {}  # denominator -> [sum of numerators, sum of their squares]
    special = None
    for x in data:
        n, d = _ratio(x)
        kinds[type(x)] = None
        count += 1
        if d is None:
            special = n if special is None else special + n
            continue
        acc = sums.setdefault(d, [0, 0])
        acc[0] += n
        acc[1] += n * n
    kind = _result_type(kinds)
    if special is not None:
        return kind, special, special, count
    if not count:
        return kind, Fraction(0), Fraction(0), 0
    sx = sum(Fraction(a, d) for d, (a, _) in sums.items())
    sxx = sum(Fraction(b, d * d) for d, (_, b) in sums.items())
    return kind, (count * sxx - sx * sx) / count, sx / count, count


def _sqrt_fraction(q):
    """The float nearest to sqrt(q) for a non-negative Fraction q.

    Takes the integer square root with at least 56 significant bits and
    marks an inexact one by setting its last bit ("round to odd"); the one
    rounding of the final int/int division is then the correct rounding.
    """
    n, m = q.numerator, q.denominator
    shift = max(0, 58 - (n.bit_length() - m.bit_length()) // 2)
    scaled = n << (2 * shift)
    root = math.isqrt(scaled // m)
    if root * root * m != scaled:
        root |= 1
    return root / (1 << shift)


def _root_of(value):
    if isinstance(value, Fraction):
        return _sqrt_fraction(value)
    return math.sqrt(value)


# --- averages ---

def mean(data):
    """The arithmetic mean, exact, in the data's type."""
    kind, total, n = _exact_sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _to_type(total / n, kind)


def fmean(data, weights=None):
    """The mean as a float, quickly (math.fsum), optionally weighted."""
    if not hasattr(data, "__len__"):
        data = list(data)
    n = len(data)
    if weights is None:
        total = math.fsum(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    weights = list(weights)
    num = math.fsum(x * w for x, w in zip(data, weights))
    if n != len(weights):
        raise StatisticsError("data and weights must be the same length")
    den = math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    """exp of the mean of the logarithms, as a float."""
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


def _no_negatives(values, message):
    for x in values:
        if x < 0:
            raise StatisticsError(message)
        yield x


def harmonic_mean(data, weights=None):
    """The reciprocal of the mean of reciprocals; 0 if a value is 0."""
    data = list(data)
    negative = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and weights is None:
        x = data[0]
        if not isinstance(x, Real) and type(x).__name__ != "Decimal":
            raise TypeError("unsupported type")
        if x < 0:
            raise StatisticsError(negative)
        return x
    if weights is None:
        weights = [1] * n
        weight_total = n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        weight_total = _exact_sum(_no_negatives(weights, negative))[1]
    try:
        kind, total, _ = _exact_sum(w / x if w else 0 for w, x in
                                    zip(weights, _no_negatives(data, negative)))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _to_type(weight_total / total, kind)


def median(data):
    """The middle value, or the mean of the two middle values."""
    values = sorted(data)
    n = len(values)
    if not n:
        raise StatisticsError("no median for empty data")
    half = n // 2
    if n % 2:
        return values[half]
    return (values[half - 1] + values[half]) / 2


def median_low(data):
    """The middle value, or the lower of the two middle values."""
    values = sorted(data)
    if not values:
        raise StatisticsError("no median for empty data")
    return values[(len(values) - 1) // 2]


def median_high(data):
    """The middle value, or the higher of the two middle values."""
    values = sorted(data)
    if not values:
        raise StatisticsError("no median for empty data")
    return values[len(values) // 2]


def median_grouped(data, interval=1):
    """The median of grouped continuous data (the 50th percentile), each
    value standing for the class interval centred on it."""
    values = sorted(data)
    n = len(values)
    if not n:
        raise StatisticsError("no median for empty data")
    x = values[n // 2]
    below = bisect.bisect_left(values, x)  # values before the median class
    width = bisect.bisect_right(values, x, lo=below) - below
    try:
        x, interval = float(x), float(interval)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    lower = x - interval / 2.0
    return lower + interval * (n / 2 - below) / width


def mode(data):
    """The most common value (the first seen among equals)."""
    counts = _count(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = max(counts.values())
    return next(v for v, c in counts.items() if c == best)


def multimode(data):
    """Every most common value, in the order first seen."""
    counts = _count(data)
    if not counts:
        return []
    best = max(counts.values())
    return [v for v, c in counts.items() if c == best]


def _count(data):
    counts = {}
    for v in data:
        counts[v] = counts.get(v, 0) + 1
    return counts


def quantiles(data, *, n=4, method="exclusive"):
    """n-1 cut points dividing the data into n intervals of equal
    probability, by linear interpolation ("exclusive": the R-6 / Excel
    PERCENTILE.EXC method; "inclusive": R-7)."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    values = sorted(data)
    count = len(values)
    if count < 2:
        raise StatisticsError("must have at least two data points")
    cuts = []
    if method == "inclusive":
        span = count - 1
        for i in range(1, n):
            j, frac = divmod(i * span, n)
            cuts.append((values[j] * (n - frac) + values[j + 1] * frac) / n)
        return cuts
    if method == "exclusive":
        span = count + 1
        for i in range(1, n):
            j = min(max(i * span // n, 1), count - 1)
            frac = i * span - j * n
            cuts.append((values[j - 1] * (n - frac) + values[j] * frac) / n)
        return cuts
    raise ValueError(f"Unknown method: {method!r}")


# --- spread ---

def variance(data, xbar=None):
    """The sample variance (n - 1 in the denominator), exact."""
    data = list(data)
    if len(data) < 2:
        raise StatisticsError("variance requires at least two data points")
    kind, ss, _, n = _squared_deviations(data, xbar)
    return _to_type(ss / (n - 1), kind)


def pvariance(data, mu=None):
    """The population variance (n in the denominator), exact."""
    data = list(data)
    if len(data) < 1:
        raise StatisticsError("pvariance requires at least one data point")
    kind, ss, _, n = _squared_deviations(data, mu)
    return _to_type(ss / n, kind)


def _is_decimal_type(kind):
    return kind.__name__ == "Decimal"


def stdev(data, xbar=None):
    """The sample standard deviation."""
    data = list(data)
    if len(data) < 2:
        raise StatisticsError("stdev requires at least two data points")
    kind, ss, _, n = _squared_deviations(data, xbar)
    spread = ss / (n - 1)
    if _is_decimal_type(kind):
        return _to_type(spread, kind).sqrt()
    return _sqrt_fraction(spread)


def pstdev(data, mu=None):
    """The population standard deviation."""
    data = list(data)
    if len(data) < 1:
        raise StatisticsError("pstdev requires at least one data point")
    kind, ss, _, n = _squared_deviations(data, mu)
    spread = ss / n
    if _is_decimal_type(kind):
        return _to_type(spread, kind).sqrt()
    return _sqrt_fraction(spread)


# --- two variables ---

def _paired(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError(f"{what} requires that both inputs have same "
                              "number of data points")
    if n < 2:
        raise StatisticsError(f"{what} requires at least two data points")
    return n


def covariance(x, y, /):
    """The sample covariance of two equally long inputs."""
    n = _paired(x, y, "covariance")
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    return math.fsum((a - xbar) * (b - ybar) for a, b in zip(x, y)) / (n - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of two equally long inputs."""
    n = _paired(x, y, "correlation")
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    dx = [a - xbar for a in x]
    dy = [b - ybar for b in y]
    sxy = math.fsum(a * b for a, b in zip(dx, dy))
    sxx = math.fsum(a * a for a in dx)
    syy = math.fsum(b * b for b in dy)
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant") from None


LinearRegression = namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of the ordinary least squares line through the
    points; with proportional=True the line goes through the origin."""
    n = _paired(x, y, "linear regression")
    if proportional:
        dx, dy = list(x), list(y)
    else:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        dx = [a - xbar for a in x]
        dy = [b - ybar for b in y]
    sxy = math.fsum(a * b for a, b in zip(dx, dy)) + 0.0
    sxx = math.fsum(a * a for a in dx)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant") from None
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


# --- the normal distribution ---

# Wichura's algorithm AS 241 (Applied Statistics 37, 1988): rational
# approximations of the normal quantile in three regions, coefficients from
# the constant term up.
_AS241 = {
    "central": (
        (3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3,
         1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
         3.3430575583588128105e4, 2.5090809287301226727e3),
        (1.0, 4.2313330701600911252e1, 6.8718700749205790830e2,
         5.3941960214247511077e3, 2.1213794301586595867e4, 3.9307895800092710610e4,
         2.8729085735721942674e4, 5.2264952788528545610e3)),
    "intermediate": (
        (1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
         3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
         2.27238449892691845833e-2, 7.74545014278341407640e-4),
        (1.0, 2.05319162663775882187e0, 1.67638483018380384940e0,
         6.89767334985100004550e-1, 1.48103976427480074590e-1,
         1.51986665636164571966e-2, 5.47593808499534494600e-4,
         1.05075007164441684324e-9)),
    "tail": (
        (6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
         2.96560571828504891230e-1, 2.65321895265761230930e-2,
         1.24266094738807843860e-3, 2.71155556874348757815e-5,
         2.01033439929228813265e-7),
        (1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1,
         1.48753612908506148525e-2, 7.86869131145613259100e-4,
         1.84631831751005468180e-5, 1.42151175831644588870e-7,
         2.04426310338993978564e-15)),
}


def _horner(coefficients, x):
    total = 0.0
    for c in reversed(coefficients):
        total = total * x + c
    return total


def _rational(region, x):
    top, bottom = _AS241[region]
    return _horner(top, x) / _horner(bottom, x)


def _normal_quantile(p, mu, sigma):
    q = p - 0.5
    if abs(q) <= 0.425:
        top, bottom = _AS241["central"]
        r = 0.180625 - q * q
        return mu + (q * _horner(top, r)) / _horner(bottom, r) * sigma
    r = math.sqrt(-math.log(p if q <= 0.0 else 1.0 - p))
    if r <= 5.0:
        z = _rational("intermediate", r - 1.6)
    else:
        z = _rational("tail", r - 5.0)
    return mu + (-z if q < 0.0 else z) * sigma


class NormalDist:
    """A normal distribution with mean mu and standard deviation sigma."""

    __slots__ = {"_mu": "Arithmetic mean of a normal distribution.",
                 "_sigma": "Standard deviation of a normal distribution."}

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        """Estimate mu and sigma from a sample."""
        kind, ss, centre, n = _squared_deviations(list(data))
        if n < 2:
            raise StatisticsError("stdev requires at least two data points")
        spread = ss / (n - 1)
        return cls(float(centre), _root_of(spread))

    def samples(self, n, *, seed=None):
        """n random draws (reproducible with a seed)."""
        draw = random.gauss if seed is None else random.Random(seed).gauss
        return [draw(self._mu, self._sigma) for _ in range(n)]

    def pdf(self, x):
        """The probability density at x."""
        var = self._sigma * self._sigma
        if not var:
            raise StatisticsError("pdf() not defined when sigma is zero")
        d = x - self._mu
        return math.exp(d * d / (-2.0 * var)) / math.sqrt(math.tau * var)

    def cdf(self, x):
        """P(X <= x)."""
        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def inv_cdf(self, p):
        """The x with P(X <= x) = p (the quantile function)."""
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        if self._sigma <= 0.0:
            raise StatisticsError("cdf() not defined when sigma at or below zero")
        return _normal_quantile(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        """n-1 cut points dividing the distribution into n equal parts."""
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        """The area shared by the two density curves (0.0 to 1.0).

        The curves cross where their log-densities are equal, a quadratic
        in x; the shared area is one minus the mass each distribution puts
        on its dominant side of the crossings.
        """
        if not isinstance(other, NormalDist):
            raise TypeError("Expected another NormalDist instance")
        a, b = sorted((self, other), key=lambda d: (d._sigma, d._mu))
        va, vb = a._sigma ** 2, b._sigma ** 2
        if not va or not vb:
            raise StatisticsError("overlap() not defined when sigma is zero")
        dv = vb - va
        dm = abs(b._mu - a._mu)
        if not dv:
            return 1.0 - math.erf(dm / (2.0 * a._sigma * math.sqrt(2.0)))
        centre = a._mu * vb - b._mu * va
        spread = a._sigma * b._sigma * math.sqrt(dm * dm + dv * math.log(vb / va))
        crossings = ((centre + spread) / dv, (centre - spread) / dv)
        return 1.0 - sum(abs(b.cdf(x) - a.cdf(x)) for x in crossings)

    def zscore(self, x):
        """How many standard deviations x is above the mean."""
        if not self._sigma:
            raise StatisticsError("zscore() not defined when sigma is zero")
        return (x - self._mu) / self._sigma

    mean = property(lambda self: self._mu, doc="Arithmetic mean.")
    median = property(lambda self: self._mu, doc="The 50th percentile.")
    mode = property(lambda self: self._mu, doc="The most likely value.")
    stdev = property(lambda self: self._sigma, doc="Standard deviation.")
    variance = property(lambda self: self._sigma ** 2, doc="Square of the standard deviation.")

    # Arithmetic: a constant shifts or scales; two independent normals add
    # their means and their variances.

    def __add__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu + other._mu, math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu + other, self._sigma)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu - other._mu, math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu - other, self._sigma)

    def __rsub__(self, other):
        return -(self - other)

    def __mul__(self, k):
        return NormalDist(self._mu * k, self._sigma * abs(k))

    __rmul__ = __mul__

    def __truediv__(self, k):
        return NormalDist(self._mu / k, self._sigma / abs(k))

    def __pos__(self):
        return NormalDist(self._mu, self._sigma)

    def __neg__(self):
        return NormalDist(-self._mu, self._sigma)

    def __eq__(self, other):
        if not isinstance(other, NormalDist):
            return NotImplemented
        return (self._mu, self._sigma) == (other._mu, other._sigma)

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f"{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})"

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state
