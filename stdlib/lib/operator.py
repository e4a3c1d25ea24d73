"""Python's operators as plain functions (operator.add for +, and so on),
plus three callable-object factories, attrgetter, itemgetter and
methodcaller, that are mostly used as sort and map keys.

Every function takes positional arguments only and behaves like the native
operator module of CPython 3.11, error messages included.
"""

import builtins as _builtins

# Listed in CPython's order, which is alphabetical.
__all__ = '''
abs add and_ attrgetter call concat contains countOf delitem eq
floordiv ge getitem gt iadd iand iconcat ifloordiv ilshift imatmul imod
imul index indexOf inv invert ior ipow irshift is_ is_not isub
itemgetter itruediv ixor le length_hint lshift lt matmul methodcaller
mod mul ne neg not_ or_ pos pow rshift setitem sub truediv truth xor
'''.split()


def _same_as(expression):
    """Decorator: give an operator function CPython's docstring, 'Same as <expression>.'"""
    def document(function):
        function.__doc__ = f"Same as {expression}."
        return function
    return document


# ---- Arithmetic ----------------------------------------------------------

@_same_as("a + b")
def add(a, b, /):
    return a + b

@_same_as("a - b")
def sub(a, b, /):
    return a - b

@_same_as("a * b")
def mul(a, b, /):
    return a * b

@_same_as("a @ b")
def matmul(a, b, /):
    return a @ b

@_same_as("a / b")
def truediv(a, b, /):
    return a / b

@_same_as("a // b")
def floordiv(a, b, /):
    return a // b

@_same_as("a % b")
def mod(a, b, /):
    return a % b

@_same_as("a ** b")
def pow(a, b, /):
    return a ** b

@_same_as("-a")
def neg(a, /):
    return -a

@_same_as("+a")
def pos(a, /):
    return +a

# `abs` below shadows the builtin inside this module.
_builtin_abs = _builtins.abs

@_same_as("abs(a)")
def abs(a, /):
    return _builtin_abs(a)


def index(a, /):
    "Same as a.__index__()"
    if type(a) is int:
        return a
    hook = getattr(type(a), '__index__', None)
    if hook is None:
        raise TypeError(f"'{type(a).__name__}' object cannot be interpreted as an integer")
    result = hook(a)
    if not isinstance(result, int):
        raise TypeError(f"__index__ returned non-int (type {type(result).__name__})")
    # Like CPython, an int subclass (True, say) comes back as a plain int.
    return int(result)


# ---- Bitwise -------------------------------------------------------------

@_same_as("a & b")
def and_(a, b, /):
    return a & b

@_same_as("a | b")
def or_(a, b, /):
    return a | b

@_same_as("a ^ b")
def xor(a, b, /):
    return a ^ b

@_same_as("a << b")
def lshift(a, b, /):
    return a << b

@_same_as("a >> b")
def rshift(a, b, /):
    return a >> b

# inv and invert are two names for one operation, but two functions, as in
# CPython: each carries its own __name__.
@_same_as("~a")
def inv(a, /):
    return ~a

@_same_as("~a")
def invert(a, /):
    return ~a


# ---- Comparison, identity and truth --------------------------------------

@_same_as("a == b")
def eq(a, b, /):
    return a == b

@_same_as("a != b")
def ne(a, b, /):
    return a != b

@_same_as("a < b")
def lt(a, b, /):
    return a < b

@_same_as("a <= b")
def le(a, b, /):
    return a <= b

@_same_as("a > b")
def gt(a, b, /):
    return a > b

@_same_as("a >= b")
def ge(a, b, /):
    return a >= b

@_same_as("a is b")
def is_(a, b, /):
    return a is b

@_same_as("a is not b")
def is_not(a, b, /):
    return a is not b

@_same_as("not a")
def not_(a, /):
    return not a


def truth(a, /):
    "Return True if a is true, False otherwise."
    return bool(a)


# ---- Containers ----------------------------------------------------------

@_same_as("a[b]")
def getitem(a, b, /):
    return a[b]

@_same_as("a[b] = c")
def setitem(a, b, c, /):
    a[b] = c

@_same_as("del a[b]")
def delitem(a, b, /):
    del a[b]

@_same_as("b in a (note reversed operands)")
def contains(a, b, /):
    return b in a


def countOf(a, b, /):
    "Return the number of items in a which are, or which equal, b."
    found = 0
    for item in a:
        if item is b or item == b:
            found += 1
    return found


def indexOf(a, b, /):
    "Return the first index of b in a."
    position = 0
    for item in a:
        if item is b or item == b:
            return position
        position += 1
    raise ValueError('sequence.index(x): x not in sequence')


# Types whose own + joins sequences (CPython: they fill the sq_concat slot).
# For them concat is just +, and + itself rejects a bad right operand.
_JOINABLE = (str, bytes, bytearray, list, tuple)


def _is_sequence(obj):
    # CPython's PySequence_Check: indexable and not a mapping.
    return hasattr(type(obj), '__getitem__') and not isinstance(obj, dict)


def _require_concatenable(a, b):
    if isinstance(a, _JOINABLE) or (_is_sequence(a) and _is_sequence(b)):
        return
    raise TypeError(f"'{type(a).__name__}' object can't be concatenated")


@_same_as("a + b, for a and b sequences")
def concat(a, b, /):
    _require_concatenable(a, b)
    return a + b


def length_hint(obj, default=0, /):
    """Return an estimate of the number of items in obj.

This is useful for presizing containers when building from an iterable.

If the object supports len(), the result will be exact.
Otherwise, it may over- or under-estimate by an arbitrary amount.
The result will be an integer >= 0."""
    if not isinstance(default, int):
        raise TypeError(f"'{type(default).__name__}' object cannot be interpreted as an integer")
    if hasattr(type(obj), '__len__'):
        # A __len__ that raises TypeError counts as no __len__ at all.
        try:
            size = len(obj)
        except TypeError:
            size = None
        if size is not None:
            return size
    estimate = getattr(type(obj), '__length_hint__', None)
    if estimate is None:
        return default
    try:
        guess = estimate(obj)
    except TypeError:
        return default
    if guess is NotImplemented:
        return default
    if not isinstance(guess, int):
        raise TypeError(f"__length_hint__ must be an integer, not {type(guess).__name__}")
    if guess < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return int(guess)  # an int subclass (True) comes back as a plain int


@_same_as("obj(*args, **kwargs)")
def call(obj, /, *args, **kwargs):
    return obj(*args, **kwargs)


# ---- In-place forms: the result is what the augmented assignment binds ----

@_same_as("a += b")
def iadd(a, b, /):
    a += b
    return a

@_same_as("a -= b")
def isub(a, b, /):
    a -= b
    return a

@_same_as("a *= b")
def imul(a, b, /):
    a *= b
    return a

@_same_as("a @= b")
def imatmul(a, b, /):
    a @= b
    return a

@_same_as("a /= b")
def itruediv(a, b, /):
    a /= b
    return a

@_same_as("a //= b")
def ifloordiv(a, b, /):
    a //= b
    return a

@_same_as("a %= b")
def imod(a, b, /):
    a %= b
    return a

@_same_as("a **= b")
def ipow(a, b, /):
    a **= b
    return a

@_same_as("a &= b")
def iand(a, b, /):
    a &= b
    return a

@_same_as("a |= b")
def ior(a, b, /):
    a |= b
    return a

@_same_as("a ^= b")
def ixor(a, b, /):
    a ^= b
    return a

@_same_as("a <<= b")
def ilshift(a, b, /):
    a <<= b
    return a

@_same_as("a >>= b")
def irshift(a, b, /):
    a >>= b
    return a

@_same_as("a += b, for a and b sequences")
def iconcat(a, b, /):
    _require_concatenable(a, b)
    a += b
    return a


# ---- Callable objects ----------------------------------------------------
#
# These three are sort keys on hot paths, so each __call__ does its work
# inline: one flag test, then the lookup, with no second call through a
# stored closure. Calling one with the wrong number of arguments gives
# Python's usual message rather than CPython's "expected 1 argument".

def _final(cls, **ignored):
    # CPython's versions cannot be subclassed; neither can these.
    raise TypeError(f"type 'operator.{cls.__mro__[1].__name__}' is not an acceptable base type")


def _expect_one_or_more(kind, args, kwargs):
    if kwargs:
        raise TypeError(f"{kind}() takes no keyword arguments")
    if not args:
        raise TypeError(f"{kind} expected 1 argument, got 0")


def _arguments_repr(args):
    return ', '.join([repr(arg) for arg in args])


class attrgetter:
    """attrgetter(attr, ...) --> attrgetter object

Return a callable object that fetches the given attribute(s) from its operand.
After f = attrgetter('name'), the call f(r) returns r.name.
After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).
After h = attrgetter('name.first', 'name.last'), the call h(r) returns
(r.name.first, r.name.last)."""

    __slots__ = ('_names', '_paths', '_simple')
    __init_subclass__ = classmethod(_final)

    def __init__(self, *names, **kwargs):
        _expect_one_or_more('attrgetter', names, kwargs)
        for name in names:
            if not isinstance(name, str):
                raise TypeError('attribute name must be a string')
        self._names = names
        # Each dotted name becomes its chain of attribute names, looked up in turn.
        self._paths = tuple([tuple(name.split('.')) for name in names])
        # The common case, one plain name, is a single getattr.
        self._simple = names[0] if len(names) == 1 and '.' not in names[0] else None

    def __call__(self, obj, /):
        if self._simple is not None:
            return getattr(obj, self._simple)
        values = []
        for path in self._paths:
            value = obj
            for name in path:
                value = getattr(value, name)
            values.append(value)
        return values[0] if len(self._names) == 1 else tuple(values)

    def __repr__(self):
        return f"operator.attrgetter({_arguments_repr(self._names)})"

    def __reduce__(self):
        return (attrgetter, self._names)


class itemgetter:
    """itemgetter(item, ...) --> itemgetter object

Return a callable object that fetches the given item(s) from its operand.
After f = itemgetter(2), the call f(r) returns r[2].
After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"""

    __slots__ = ('_keys', '_single', '_key')
    __init_subclass__ = classmethod(_final)

    def __init__(self, *keys, **kwargs):
        _expect_one_or_more('itemgetter', keys, kwargs)
        self._keys = keys
        self._single = len(keys) == 1
        self._key = keys[0]

    def __call__(self, obj, /):
        if self._single:
            return obj[self._key]
        return tuple([obj[key] for key in self._keys])

    def __repr__(self):
        return f"operator.itemgetter({_arguments_repr(self._keys)})"

    def __reduce__(self):
        return (itemgetter, self._keys)


class methodcaller:
    """methodcaller(name, ...) --> methodcaller object

Return a callable object that calls the given method on its operand.
After f = methodcaller('name'), the call f(r) returns r.name().
After g = methodcaller('name', 'date', foo=1), the call g(r) returns
r.name('date', foo=1)."""

    __slots__ = ('_method', '_args', '_kwargs')
    __init_subclass__ = classmethod(_final)

    def __init__(*args, **kwargs):
        # `self` is taken from args so that a keyword named "self" or
        # "name" still reaches the method.
        if len(args) < 2:
            raise TypeError('methodcaller needs at least one argument, the method name')
        self, method = args[0], args[1]
        if not isinstance(method, str):
            raise TypeError('method name must be a string')
        self._method = method
        self._args = args[2:]
        self._kwargs = kwargs

    def __call__(self, obj, /):
        return getattr(obj, self._method)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._method)]
        parts += [repr(arg) for arg in self._args]
        parts += [f'{name}={value!r}' for name, value in self._kwargs.items()]
        return f"operator.methodcaller({', '.join(parts)})"

    def __reduce__(self):
        if not self._kwargs:
            return (methodcaller, (self._method,) + self._args)
        # Keywords cannot travel in a plain constructor call, so they ride
        # in a partial, as CPython does.
        from functools import partial
        return (partial(methodcaller, self._method, **self._kwargs), self._args)


# The dunder spellings (operator.__add__ and so on) are aliases kept for old
# code. Each is named after its function, minus the keyword-dodging '_'.
for _function in (abs, add, and_, call, concat, contains, delitem, eq, floordiv,
                  ge, getitem, gt, iadd, iand, iconcat, ifloordiv, ilshift,
                  imatmul, imod, imul, index, inv, invert, ior, ipow, irshift,
                  isub, itruediv, ixor, le, lshift, lt, matmul, mod, mul, ne, neg,
                  not_, or_, pos, pow, rshift, setitem, sub, truediv, xor):
    globals()[f"__{_function.__name__.rstrip('_')}__"] = _function
del _function
