"""Pseudo-random numbers: the Random class, SystemRandom, and module-level
functions bound to one shared Random instance.

The Mersenne Twister itself (random(), getrandbits(), seed() of ints and
strings, getstate()/setstate()) is the native _random.Random.  Everything
built on it here consumes the generator exactly as CPython 3.11 does, so a
seeded program sees the same numbers under gilt as under python3: the order
and number of draws in each method is part of its contract.
"""

import _random
from bisect import bisect as _bisect
from itertools import accumulate as _accumulate, repeat as _repeat
from math import acos as _acos, ceil as _ceil, cos as _cos, e as _e
from math import exp as _exp, floor as _floor, isfinite as _isfinite
from math import log as _log, pi as _pi, sin as _sin, sqrt as _sqrt
from operator import index as _index
from os import urandom as _urandom

__all__ = [
    "Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate",
    "gammavariate", "gauss", "getrandbits", "getstate", "lognormvariate",
    "normalvariate", "paretovariate", "randbytes", "randint", "random",
    "randrange", "sample", "seed", "setstate", "shuffle", "triangular",
    "uniform", "vonmisesvariate", "weibullvariate",
]

# Public constants of CPython's module, kept under the same names because
# programs do read them.
BPF = 53                     # bits in a float's mantissa
RECIP_BPF = 2.0 ** -BPF
TWOPI = 2.0 * _pi
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)

# randrange() tells "step not given" from "step=1 given" by identity, since
# a missing stop is only an error when a step was passed explicitly.
_ONE = 1

_SEED_TYPES = (type(None), int, float, str, bytes, bytearray)


def _warn_deprecated(message):
    # Imported here: only the rare float-argument path of randrange() and
    # the random()-only subclasses need warnings.
    from warnings import warn
    warn(message, DeprecationWarning, 4)


def _whole(value, what):
    """randrange()'s argument conversion: any __index__ object, or (still
    accepted in 3.11, with a DeprecationWarning) a float-like integral value."""
    try:
        return _index(value)
    except TypeError:
        pass
    as_int = int(value)
    if as_int != value:
        _warn_deprecated('randrange() will raise TypeError in the future')
        raise ValueError("non-integer %s for randrange()" % what)
    _warn_deprecated('non-integer arguments to randrange() have been '
                     'deprecated since Python 3.10 and will be removed in a '
                     'subsequent version')
    return as_int


def _hash_seed_v1(text):
    """The string hash of Python 2's random.seed(), kept for version=1."""
    if isinstance(text, bytes):
        text = text.decode('latin-1')
    mask = (1 << 64) - 1
    h = (ord(text[0]) << 7) if text else 0
    for ch in text:
        h = ((h * 1000003) ^ ord(ch)) & mask
    h ^= len(text)
    return -2 if h == -1 else h


def _not_a_sequence(population):
    # Sets and dicts used to be accepted; 3.11 asks for an indexable sequence.
    if isinstance(population, (set, frozenset, dict)):
        return True
    return not hasattr(population, '__getitem__') or not hasattr(population, '__len__')


class Random(_random.Random):
    """A Mersenne Twister generator with the distributions of CPython's
    random module.  Subclass it and override random() (and optionally
    getrandbits()) to plug in another core generator."""

    VERSION = 3     # first item of getstate()'s tuple

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, /, **kwargs):
        # A subclass that supplies only random() must not have its integers
        # drawn from the inherited Mersenne Twister getrandbits().
        super().__init_subclass__(**kwargs)
        for klass in cls.__mro__:
            if '_randbelow' in klass.__dict__:
                return
            if 'getrandbits' in klass.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                return
            if 'random' in klass.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                return

    # ---- state ----------------------------------------------------------

    def seed(self, a=None, version=2):
        """Reset the generator.  None seeds from the OS; an int is used as
        is; str, bytes and bytearray are hashed (SHA-512 with version 2,
        Python 2's string hash with version 1)."""
        if version == 1 and isinstance(a, (str, bytes)):
            a = _hash_seed_v1(a)
        elif not isinstance(a, _SEED_TYPES):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        self.gauss_next = None
        super().seed(a)

    def getstate(self):
        """Return an opaque state tuple for setstate()."""
        return (self.VERSION, super().getstate(), self.gauss_next)

    def setstate(self, state):
        """Restore a state returned by getstate() (of version 2 or 3)."""
        version = state[0]
        if version not in (2, 3):
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s"
                             % (version, self.VERSION))
        _, words, self.gauss_next = state
        if version == 2:
            # Version 2 states came from builds that stored signed words.
            try:
                words = tuple(word % (2 ** 32) for word in words)
            except ValueError as exc:
                raise TypeError from exc
        super().setstate(words)

    # Pickling and copying go through the state tuple.
    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return (self.__class__, (), self.getstate())

    # gilt's copy module cannot fall back on object.__reduce__ (object has
    # none here), so copies are made from the state directly.
    def __copy__(self):
        twin = self.__class__()
        twin.setstate(self.getstate())
        return twin

    def __deepcopy__(self, memo):
        return self.__copy__()

    # ---- continuous distributions ---------------------------------------

    def uniform(self, a, b):
        """Float between a and b (b itself is reachable through rounding)."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution on [low, high] peaking at mode
        (default: the midpoint)."""
        u = self.random()
        try:
            split = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > split:
            # Mirror the right-hand side onto the left-hand formula.
            u, split, low, high = 1.0 - u, 1.0 - split, high, low
        return low + (high - low) * _sqrt(u * split)

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (1/mean)."""
        # 1 - random() lies in (0, 1], so the logarithm is always finite.
        return -_log(1.0 - self.random()) / lambd

    def paretovariate(self, alpha):
        """Pareto distribution with shape alpha."""
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta."""
        return alpha * (-_log(1.0 - self.random())) ** (1.0 / beta)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution by Kinderman and Monahan's ratio method;
        thread-safe, unlike gauss()."""
        draw = self.random
        while True:
            u = draw()
            v = 1.0 - draw()
            z = NV_MAGICCONST * (u - 0.5) / v
            if z * z / 4.0 <= -_log(v):
                return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """exp() of a normal variate with mean mu and deviation sigma."""
        return _exp(self.normalvariate(mu, sigma))

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution by Box-Muller.  Each pair of draws yields two
        values; the second is kept in gauss_next for the next call."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            angle = self.random() * TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - self.random()))
            z = _cos(angle) * radius
            self.gauss_next = _sin(angle) * radius
        return mu + z * sigma

    def gammavariate(self, alpha, beta):
        """Gamma distribution with shape alpha and scale beta (both > 0)."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        if alpha > 1.0:
            return self._gamma_cheng(alpha) * beta
        if alpha == 1.0:
            return -_log(1.0 - self.random()) * beta
        return self._gamma_small(alpha) * beta

    def _gamma_cheng(self, alpha):
        # R.C.H. Cheng, "The generation of Gamma variables with non-integral
        # shape parameters", Applied Statistics 1977, 26(1), p71-74.
        draw = self.random
        a = _sqrt(2.0 * alpha - 1.0)
        b = alpha - LOG4
        c = alpha + a
        while True:
            u = draw()
            if not 1e-7 < u < 0.9999999:
                continue
            w = 1.0 - draw()
            v = _log(u / (1.0 - u)) / a
            x = alpha * _exp(v)
            z = u * u * w
            r = b + c * v - x
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                return x

    def _gamma_small(self, alpha):
        # Algorithm GS (Ahrens and Dieter) for 0 < alpha < 1, as given in
        # Kennedy and Gentle, "Statistical Computing".
        draw = self.random
        while True:
            b = (_e + alpha) / _e
            p = b * draw()
            if p <= 1.0:
                x = p ** (1.0 / alpha)
                if draw() <= _exp(-x):
                    return x
            else:
                x = -_log((b - p) / alpha)
                if draw() <= x ** (alpha - 1.0):
                    return x

    def betavariate(self, alpha, beta):
        """Beta distribution on [0, 1], from two gamma variates."""
        y = self.gammavariate(alpha, 1.0)
        if not y:
            return 0.0
        return y / (y + self.gammavariate(beta, 1.0))

    def vonmisesvariate(self, mu, kappa):
        """Circular distribution with mean angle mu and concentration kappa;
        uses Best and Fisher's 1979 rejection method."""
        draw = self.random
        if kappa <= 1e-6:
            return TWOPI * draw()
        half = 0.5 / kappa
        r = half + _sqrt(1.0 + half * half)
        while True:
            z = _cos(_pi * draw())
            d = z / (r + z)
            u = draw()
            if u < 1.0 - d * d or u <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        offset = _acos(f)
        if draw() > 0.5:
            return (mu + offset) % TWOPI
        return (mu - offset) % TWOPI

    # ---- integers -------------------------------------------------------

    def _randbelow_with_getrandbits(self, n):
        """Uniform int in [0, n) for n > 0, by rejection on bit_length bits."""
        draw = self.getrandbits
        bits = n.bit_length()
        r = draw(bits)
        while r >= n:
            r = draw(bits)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """Uniform int in [0, n) from random() alone (53 bits per draw)."""
        if n >= maxsize:
            from warnings import warn
            warn("Underlying random() generator does not supply \n"
                 "enough bits to choose from a population range this large.\n"
                 "To remove the range limitation, add a getrandbits() method.")
            return _floor(self.random() * n)
        # Reject the top sliver so that every residue mod n is equally likely.
        limit = (maxsize - maxsize % n) / maxsize
        u = self.random()
        while u >= limit:
            u = self.random()
        return _floor(u * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randrange(self, start, stop=None, step=_ONE):
        """Pick an int from range(start, stop, step) (or range(start) when
        stop is omitted) without building the range."""
        # Plain ints skip the conversion call: randint() lands here in loops.
        low = start if type(start) is int else _whole(start, "arg 1")
        if stop is None:
            if step is not _ONE:
                raise TypeError('Missing a non-None stop argument')
            if low <= 0:
                raise ValueError("empty range for randrange()")
            return self._randbelow(low)
        high = stop if type(stop) is int else _whole(stop, "stop")
        stride = step if type(step) is int else _whole(step, "step")
        span = high - low
        if stride == 1:
            if span <= 0:
                raise ValueError("empty range for randrange() (%d, %d, %d)"
                                 % (low, high, span))
            return low + self._randbelow(span)
        if stride == 0:
            raise ValueError("zero step for randrange()")
        # Ceiling division towards the direction of travel.
        count = (span + stride - 1) // stride if stride > 0 else (span + stride + 1) // stride
        if count <= 0:
            raise ValueError("empty range for randrange()")
        return low + stride * self._randbelow(count)

    def randint(self, a, b):
        """Return an int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    def randbytes(self, n):
        """Return n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    # ---- sequences ------------------------------------------------------

    def choice(self, seq):
        """Return one element of the non-empty sequence seq."""
        size = len(seq)
        if not size:
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        """Shuffle the list x in place (Fisher-Yates, from the end)."""
        below = self._randbelow
        for last in range(len(x) - 1, 0, -1):
            other = below(last + 1)
            x[last], x[other] = x[other], x[last]

    def sample(self, population, k, *, counts=None):
        """Return k distinct picks from population, in selection order.
        counts=[...] repeats each element that many times, as if the
        population were expanded."""
        if _not_a_sequence(population):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        if counts is not None:
            return self._sample_counted(population, k, counts)
        size = len(population)
        if not 0 <= k <= size:
            raise ValueError("Sample larger than population or is negative")
        # Small populations: a partial shuffle of a copy.  Large ones:
        # draw indices and reject repeats, which needs no copy.
        table_size = 21
        if k > 5:
            table_size += 4 ** _ceil(_log(k * 3, 4))
        if size <= table_size:
            return self._sample_by_pool(population, k, size)
        return self._sample_by_set(population, k, size)

    def _sample_by_pool(self, population, k, size):
        below = self._randbelow
        pool = list(population)
        picked = []
        for taken in range(k):
            j = below(size - taken)
            picked.append(pool[j])
            pool[j] = pool[size - taken - 1]
        return picked

    def _sample_by_set(self, population, k, size):
        below = self._randbelow
        seen = set()
        picked = []
        while len(picked) < k:
            j = below(size)
            if j not in seen:
                seen.add(j)
                picked.append(population[j])
        return picked

    def _sample_counted(self, population, k, counts):
        bounds = list(_accumulate(counts))
        if len(bounds) != len(population):
            raise ValueError('The number of counts does not match the population')
        total = bounds.pop()
        if not isinstance(total, int):
            raise TypeError('Counts must be integers')
        if total <= 0:
            raise ValueError('Total of counts must be greater than zero')
        return [population[_bisect(bounds, slot)]
                for slot in self.sample(range(total), k=k)]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return k picks from population with replacement, optionally
        weighted by relative weights or by cumulative cum_weights."""
        draw = self.random
        size = len(population)
        if cum_weights is None:
            if weights is None:
                scale = size + 0.0
                return [population[_floor(draw() * scale)] for _ in _repeat(None, k)]
            cum_weights = _cumulate_weights(weights)
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != size:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        top = size - 1
        return [population[_bisect(cum_weights, draw() * total, 0, top)]
                for _ in _repeat(None, k)]


def _cumulate_weights(weights):
    try:
        return list(_accumulate(weights))
    except TypeError:
        # choices(pop, 3) is a common slip for choices(pop, k=3).
        if isinstance(weights, int):
            raise TypeError('The number of choices must be a keyword '
                            f'argument: k={weights}') from None
        raise


class SystemRandom(Random):
    """Random numbers from os.urandom(): not reproducible, so seed() does
    nothing and there is no state to save or restore."""

    def random(self):
        """Float in [0.0, 1.0) from 56 OS bits, 53 of them kept."""
        return (int.from_bytes(_urandom(7)) >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """Int with k random bits from the OS."""
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        nbytes = (k + 7) // 8
        return int.from_bytes(_urandom(nbytes)) >> (nbytes * 8 - k)

    def randbytes(self, n):
        """n bytes straight from the OS."""
        return _urandom(n)

    def seed(self, *args, **kwds):
        """Ignored: the OS source cannot be seeded."""
        return None

    def _stateless(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _stateless


# The module-level functions are bound methods of one hidden instance, so
# random.seed() affects them all together.
_inst = Random()
betavariate = _inst.betavariate
choice = _inst.choice
choices = _inst.choices
expovariate = _inst.expovariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
getrandbits = _inst.getrandbits
getstate = _inst.getstate
lognormvariate = _inst.lognormvariate
normalvariate = _inst.normalvariate
paretovariate = _inst.paretovariate
randbytes = _inst.randbytes
randint = _inst.randint
random = _inst.random
randrange = _inst.randrange
sample = _inst.sample
seed = _inst.seed
setstate = _inst.setstate
shuffle = _inst.shuffle
triangular = _inst.triangular
uniform = _inst.uniform
vonmisesvariate = _inst.vonmisesvariate
weibullvariate = _inst.weibullvariate
