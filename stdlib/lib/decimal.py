"""Decimal fixed and floating point arithmetic (the General Decimal
Arithmetic specification), as CPython's decimal module.

The numbers and their arithmetic are native (_decimal, decimal_*.cpp); this
half holds what is policy rather than arithmetic: the signals (exception
classes), the Context with its precision, rounding, flags and traps, the
per-thread and per-task current context (a context variable), and
__format__. An operation that meets a condition calls _signal(), which sets
the context's flags and raises the first trapped signal.
"""

import contextvars
import numbers

import _decimal
from _decimal import Decimal

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"

__all__ = [
    "Decimal", "Context", "DecimalTuple", "DefaultContext", "BasicContext",
    "ExtendedContext", "DecimalException", "Clamped", "InvalidOperation",
    "DivisionByZero", "Inexact", "Rounded", "Subnormal", "Overflow",
    "Underflow", "FloatOperation", "DivisionImpossible", "InvalidContext",
    "ConversionSyntax", "DivisionUndefined", "ROUND_DOWN", "ROUND_HALF_UP",
    "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP",
    "ROUND_HALF_DOWN", "ROUND_05UP", "setcontext", "getcontext",
    "localcontext", "MAX_PREC", "MAX_EMAX", "MIN_EMIN", "MIN_ETINY",
    "HAVE_THREADS", "HAVE_CONTEXTVAR",
]

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
# In the order of the native Rounding enum (decimal_number.hpp).
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING,
              ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)
_NATIVE_FIELDS = ("prec", "rounding", "Emin", "Emax", "clamp", "flags", "traps")

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True



def __getattr__(name):
    # DecimalTuple is made on first use: it needs collections, whose import
    # would otherwise be most of the cost of importing decimal.
    if name == "DecimalTuple":
        from collections import namedtuple
        cls = namedtuple("DecimalTuple", "sign digits exponent", module="decimal")
        globals()["DecimalTuple"] = cls
        return cls
    raise AttributeError(f"module 'decimal' has no attribute '{name}'")


def _decimal_tuple(sign, digits, exponent):
    """What Decimal.as_tuple() returns (called by the native side)."""
    cls = globals().get("DecimalTuple") or __getattr__("DecimalTuple")
    return cls(sign, digits, exponent)


# --- signals ---

class DecimalException(ArithmeticError):
    """Base of the decimal signals."""


class Clamped(DecimalException):
    """An exponent was changed to fit the context's bounds."""


class InvalidOperation(DecimalException):
    """An operation has no sensible result (the result is NaN)."""


class ConversionSyntax(InvalidOperation):
    """A string is not a number."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite number divided by zero."""


class DivisionImpossible(InvalidOperation):
    """The integer quotient needs more digits than the precision."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero divided by zero."""


class Inexact(DecimalException):
    """Digits other than zeros were rounded away."""


class InvalidContext(InvalidOperation):
    """A context setting is unusable."""


class Rounded(DecimalException):
    """Digits (possibly zeros) were rounded away."""


class Subnormal(DecimalException):
    """The exponent is below Emin before rounding."""


class Overflow(Inexact, Rounded):
    """The exponent is above Emax after rounding."""


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result was rounded to fit."""


class FloatOperation(DecimalException, TypeError):
    """A float was mixed with Decimals (a constructor or an ordering)."""


# The native side reports conditions as bits in this order
# (decimal_number.hpp's Flag).
_CONDITIONS = (Clamped, InvalidOperation, DivisionByZero, Inexact, Rounded,
               Subnormal, Overflow, Underflow, FloatOperation,
               ConversionSyntax, DivisionImpossible, DivisionUndefined)
# In the order a context's repr lists them.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)
_NONE_SET = dict.fromkeys(_SIGNALS, False)  # every new flags/traps dict starts from it
# Which signal is raised first when several are trapped.
_RAISE_ORDER = (InvalidOperation, DivisionByZero, Overflow, Underflow,
                Subnormal, Inexact, Rounded, Clamped, FloatOperation)


def _conditions(bits):
    found = [c for i, c in enumerate(_CONDITIONS) if bits >> i & 1]
    specific = [c for c in found if c in (ConversionSyntax, DivisionImpossible,
                                           DivisionUndefined)]
    if specific:
        found = [c for c in found if c is not InvalidOperation]
    return found


def _signal_of(condition):
    if condition in (ConversionSyntax, DivisionImpossible):
        return InvalidOperation
    if condition is DivisionUndefined:
        return InvalidOperation
    return condition


def _signal(context, bits, result):
    conditions = _conditions(bits)
    raised = {}
    for cond in conditions:
        sig = _signal_of(cond)
        context.flags[sig] = True
        raised.setdefault(sig, []).append(cond)
    for sig in _RAISE_ORDER:
        if sig in raised and context.traps.get(sig):
            trapped = [c for s in _RAISE_ORDER if s in raised and context.traps.get(s)
                       for c in raised[s]]
            raise sig(trapped)
    return result


# --- the context ---

class _SignalDict(dict):
    """flags / traps: a dict keyed by the signal classes."""

    def __repr__(self):
        names = ", ".join(s.__name__ for s in _SIGNALS if self.get(s))
        return f"[{names}]"


def _signal_dict(source):
    d = _SignalDict(_NONE_SET)
    if source is None:
        return d
    if isinstance(source, dict):
        for k, v in source.items():
            if k not in d:
                raise KeyError("invalid signal dict")
            d[k] = bool(v)
    else:
        for s in source:
            d[s] = True
    return d


class Context:
    """Precision, rounding, exponent limits, flags and traps for arithmetic."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        # Each field checked as an assignment would check it, in the same
        # order, but _params built once at the end rather than per field.
        base = _default_template
        given = (("prec", prec), ("rounding", rounding), ("Emin", Emin), ("Emax", Emax),
                 ("capitals", capitals), ("clamp", clamp))
        setattr_ = object.__setattr__
        for name, value in given:
            if value is None:
                value = base[name]
            else:
                self._checked(name, value)
            setattr_(self, name, value)
        setattr_(self, "flags", _signal_dict(flags))
        setattr_(self, "traps", _signal_dict(base["traps"] if traps is None else traps))
        self._update_params()

    def _update_params(self):
        # What the native arithmetic reads, in one attribute (a new tuple
        # each time: the native side caches by its identity).
        d = self.__dict__
        if all(f in d for f in _NATIVE_FIELDS):
            object.__setattr__(self, "_params", (
                d["prec"], _ROUNDINGS.index(d["rounding"]), d["Emin"],
                d["Emax"], d["clamp"], d["flags"], d["traps"]))

    def _checked(self, name, value):
        if name == "prec":
            _check_int(name, value, 1, MAX_PREC)
        elif name == "Emin":
            _check_int(name, value, MIN_EMIN, 0)
        elif name == "Emax":
            _check_int(name, value, 0, MAX_EMAX)
        elif name in ("capitals", "clamp"):
            _check_int(name, value, 0, 1)
        elif name == "rounding":
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n"
                                "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                                "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                                "   ROUND_05UP]")
        elif name in ("flags", "traps"):
            value = _signal_dict(value) if not isinstance(value, _SignalDict) else value
        elif name != "_params":
            raise AttributeError(f"'decimal.Context' object has no attribute '{name}'")
        return value

    def __setattr__(self, name, value):
        object.__setattr__(self, name, self._checked(name, value))
        if name in _NATIVE_FIELDS:
            self._update_params()

    def __repr__(self):
        return (f"Context(prec={self.prec}, rounding={self.rounding}, "
                f"Emin={self.Emin}, Emax={self.Emax}, capitals={self.capitals}, "
                f"clamp={self.clamp}, flags={self.flags!r}, traps={self.traps!r})")

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def create_decimal(self, num="0"):
        """num as a Decimal rounded to this context (signals apply)."""
        d = Decimal(num, self)
        return self.plus(d)

    def create_decimal_from_float(self, f):
        return self.plus(Decimal(f, self))

    def _run(self, fn, *args):
        token = _current.set(self)
        try:
            return fn(*args)
        finally:
            _current.reset(token)

    def plus(self, a):
        return self._run(lambda: +_convert(a))

    def minus(self, a):
        return self._run(lambda: -_convert(a))

    def abs(self, a):
        return self._run(lambda: abs(_convert(a)))

    def add(self, a, b):
        return self._run(lambda: _convert(a) + _convert(b))

    def subtract(self, a, b):
        return self._run(lambda: _convert(a) - _convert(b))

    def multiply(self, a, b):
        return self._run(lambda: _convert(a) * _convert(b))

    def divide(self, a, b):
        return self._run(lambda: _convert(a) / _convert(b))

    def divide_int(self, a, b):
        return self._run(lambda: _convert(a) // _convert(b))

    def remainder(self, a, b):
        return self._run(lambda: _convert(a) % _convert(b))

    def divmod(self, a, b):
        return self._run(lambda: divmod(_convert(a), _convert(b)))

    def power(self, a, b, modulo=None):
        if modulo is not None:
            return self._run(lambda: Decimal(pow(int(_convert(a)), int(_convert(b)),
                                                 int(_convert(modulo)))))
        return self._run(lambda: _convert(a) ** _convert(b))

    def sqrt(self, a):
        return _convert(a).sqrt(context=self)

    def quantize(self, a, b):
        return _convert(a).quantize(_convert(b), context=self)

    def normalize(self, a):
        return _convert(a).normalize(context=self)

    def compare(self, a, b):
        return _convert(a).compare(_convert(b), self)

    def to_sci_string(self, a):
        return str(_convert(a))

    def to_eng_string(self, a):
        return _convert(a).to_eng_string()

    def to_integral_value(self, a):
        return _convert(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _convert(a).to_integral_exact(context=self)

    def copy_decimal(self, a):
        return Decimal(_convert(a))

    def fma(self, a, b, c):
        return _convert(a).fma(b, c, context=self)


def _context_method(name, arity):
    """Context.name(a[, b]): the Decimal method of the first operand, run
    in this context."""
    if arity == 1:
        def method(self, a):
            return getattr(_convert(a), name)(context=self)
    else:
        def method(self, a, b):
            return getattr(_convert(a), name)(_convert(b), context=self)
    method.__name__ = name
    return method


def _context_plain(name, arity):
    """Context.name(...) for the methods that take no context."""
    def method(self, *args):
        if len(args) != arity:
            raise TypeError(f"{name}() takes {arity} argument(s)")
        first, *rest = (_convert(x) for x in args)
        return getattr(first, name)(*rest)
    method.__name__ = name
    return method


for _name in ("exp", "ln", "log10", "logb", "next_minus", "next_plus",
              "number_class", "is_normal", "is_subnormal", "logical_invert"):
    setattr(Context, _name, _context_method(_name, 1))
for _name in ("max", "min", "max_mag", "min_mag", "next_toward",
              "remainder_near", "compare_signal", "logical_and",
              "logical_or", "logical_xor", "rotate", "shift", "scaleb",
              "same_quantum"):
    setattr(Context, _name, _context_method(_name, 2))
for _name, _arity in (("is_canonical", 1), ("is_finite", 1), ("is_infinite", 1),
                      ("is_nan", 1), ("is_qnan", 1), ("is_snan", 1),
                      ("is_signed", 1), ("is_zero", 1), ("copy_abs", 1),
                      ("copy_negate", 1), ("canonical", 1), ("radix", 0),
                      ("copy_sign", 2), ("compare_total", 2),
                      ("compare_total_mag", 2)):
    if _arity == 0:
        setattr(Context, _name, lambda self: Decimal(10))
    else:
        setattr(Context, _name, _context_plain(_name, _arity))
del _name, _arity


def _check_int(name, value, lo, hi):
    if not isinstance(value, int):
        raise TypeError(f"{name} must be an integer")
    if not lo <= value <= hi:
        raise ValueError(f"valid range for {name} is [{lo}, {hi}]")


def _convert(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError(f"conversion from {type(x).__name__} to Decimal is not supported")


_default_template = {"prec": 28, "rounding": ROUND_HALF_EVEN, "Emin": -999999,
                     "Emax": 999999, "capitals": 1, "clamp": 0,
                     "traps": [DivisionByZero, Overflow, InvalidOperation]}

DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation,
                              Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = contextvars.ContextVar("decimal_context")


def getcontext():
    """The current thread's (or task's) context; a copy of DefaultContext
    the first time."""
    try:
        return _current.get()
    except LookupError:
        ctx = DefaultContext.copy()
        ctx.clear_flags()
        _current.set(ctx)
        return ctx


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    _current.set(context)


class _LocalContext:
    def __init__(self, ctx):
        self._ctx = ctx

    def __enter__(self):
        self._saved = getcontext()
        setcontext(self._ctx)
        return self._ctx

    def __exit__(self, *exc):
        setcontext(self._saved)


def localcontext(ctx=None, **kwargs):
    """A context manager that runs its block in a copy of ctx (or of the
    current context), with the given attributes changed."""
    new = (ctx if ctx is not None else getcontext()).copy()
    for name, value in kwargs.items():
        if name not in ("prec", "rounding", "Emin", "Emax", "capitals", "clamp",
                        "flags", "traps"):
            raise TypeError(f"'{name}' is an invalid keyword argument for this function")
        setattr(new, name, value)
    return _LocalContext(new)


# --- __format__ ---

_SPEC = __import__("re").compile(
    r"(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+ ])?(?P<zero>0)?"
    r"(?P<width>\d+)?(?P<thousands>,)?(?:\.(?P<precision>\d+))?"
    r"(?P<type>[eEfFgGn%])?\Z", __import__("re").DOTALL)


def _format(d, spec):
    m = _SPEC.match(spec)
    if m is None:
        raise ValueError("invalid format string")
    kind = m["type"]
    prec = None if m["precision"] is None else int(m["precision"])
    ctx = getcontext()
    x = d.copy_abs()
    special = x.is_nan() or x.is_infinite()
    if special:
        body = "NaN" if x.is_nan() else "Infinity"
        if kind == "%":
            body += "%"
    else:
        body = _format_number(x, kind, prec, ctx.rounding, ctx.capitals)
    sign = "-" if d.is_signed() else {"+": "+", " ": " "}.get(m["sign"], "")
    width = int(m["width"] or 0)
    zero_pad = m["zero"] and not m["fill"] and not special
    fill = m["fill"] or ("0" if zero_pad else " ")
    align = m["align"] or ("=" if zero_pad else ">")
    if m["thousands"] and not special:
        body = _group(body, width - len(sign) if zero_pad and align == "=" else 0)
    pad = max(0, width - len(sign) - len(body))
    if align == "<":
        return sign + body + fill * pad
    if align == "^":
        left = pad // 2
        return fill * left + sign + body + fill * (pad - left)
    if align == "=":
        return sign + fill * pad + body
    return fill * pad + sign + body


def _rounded_to_digits(x, ndigits, rounding):
    """x with at most ndigits significant digits (never more than it has)."""
    if x.is_zero() or len(x.as_tuple().digits) <= ndigits:
        return x
    return Context(prec=ndigits, rounding=rounding, Emax=MAX_EMAX,
                   Emin=MIN_EMIN, traps=[]).plus(x)


def _fixed(x):
    sign, digits, exp = x.as_tuple()
    digits = "".join(map(str, digits))
    if exp >= 0:
        return "0" if x.is_zero() else digits + "0" * exp
    if len(digits) <= -exp:
        digits = "0" * (-exp - len(digits) + 1) + digits
    return digits[:exp] + "." + digits[exp:]


def _scientific(x, letter):
    sign, digits, exp = x.as_tuple()
    digits = "".join(map(str, digits))
    adjusted = exp + len(digits) - 1
    mant = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{mant}{letter}{'+' if adjusted >= 0 else '-'}{abs(adjusted)}"


def _format_number(x, kind, prec, rounding, capitals):
    if kind is None and prec is None:
        return str(x)
    if kind == "%":
        sign, digits, exp = x.as_tuple()
        return _format_number(Decimal((sign, digits, exp + 2)), "f", prec, rounding,
                              capitals) + "%"
    if kind in ("f", "F"):
        if prec is not None:
            x = x.quantize(Decimal((0, (1,), -prec)), rounding=rounding,
                           context=Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN))
        return _fixed(x)
    if kind in ("e", "E"):
        if prec and x.is_zero():
            # libmpdec keeps a zero's coefficient and moves its exponent.
            e = x.as_tuple().exponent + prec
            return f"0.{'0' * prec}{kind}{'+' if e >= 0 else '-'}{abs(e)}"
        if prec is not None:
            x = _rounded_to_digits(x, prec + 1, rounding)
            sign, digits, exp = x.as_tuple()
            if len(digits) < prec + 1:
                pad = prec + 1 - len(digits)
                x = Decimal((sign, tuple(digits) + (0,) * pad, exp - pad))
        return _scientific(x, kind)
    # g, G, n, or no type with a precision: the shorter of fixed and
    # scientific, as to-sci-string decides.
    if prec is not None:
        x = _rounded_to_digits(x, max(prec, 1), rounding)
    sign, digits, exp = x.as_tuple()
    adjusted = exp + len(digits) - 1
    if exp <= 0 and adjusted >= -6 or (prec is not None and exp > 0 and adjusted < prec):
        return _fixed(x)
    letter = "E" if kind == "G" or (kind is None and capitals) else "e"
    return _scientific(x, letter)


def _group(body, width):
    """Commas between groups of three integer digits; with a width (zero
    padding), leading zeros are added and grouped until it is reached."""
    end = 0
    while end < len(body) and body[end].isdigit():
        end += 1
    head, tail = body[:end], body[end:]

    def grouped(digits):
        parts = []
        while len(digits) > 3:
            parts.insert(0, digits[-3:])
            digits = digits[:-3]
        parts.insert(0, digits)
        return ",".join(parts)

    text = grouped(head)
    while len(text) + len(tail) < width:
        head = "0" + head
        text = grouped(head)
    return text + tail


numbers.Number.register(Decimal)

_decimal._install(getcontext, _signal, _format, _decimal_tuple, _current,
                  _CONDITIONS)
