"""functools: tools that act on or produce callables.

partial, reduce and cmp_to_key are the native ones from _functools. Written
here: copying a wrapped function's metadata (update_wrapper, wraps),
memoizing (lru_cache, cache, cached_property), filling in comparison methods
(total_ordering), partialmethod, and dispatch on the type of the first
argument (singledispatch, singledispatchmethod). lru_cache counts hits and
misses and evicts in the same order as CPython, so cache_info() reads the
same."""

from _functools import partial, reduce, cmp_to_key
from collections import namedtuple

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']


# --- wrapper metadata ------------------------------------------------------------

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the attributes named in assigned,
    merge the mappings named in updated, and point __wrapped__ at wrapped.
    Attributes wrapped lacks are skipped. Returns wrapper."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            pass
        else:
            # Outside the try: a wrapper refusing the attribute is an error.
            setattr(wrapper, name, value)
    for name in updated:
        try:
            getattr(wrapper, name).update(getattr(wrapped, name, {}))
        except AttributeError:
            pass
    # Set last, so a __wrapped__ copied from wrapped.__dict__ is overridden.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper: @wraps(f) applied to a wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# --- total_ordering --------------------------------------------------------------
#
# Each missing comparison is computed from the one the class defines (the root)
# plus == / !=. The root is called through type(self), as the operator would,
# and a NotImplemented from it is passed on so Python tries the reflection.
# The lookups are spelled out per root: getattr with a name is slower.

def _derived_from_lt():
    def gt(self, other):
        r = type(self).__lt__(self, other)
        return r if r is NotImplemented else (not r and self != other)

    def le(self, other):
        r = type(self).__lt__(self, other)
        return r if r is NotImplemented else (r or self == other)

    def ge(self, other):
        r = type(self).__lt__(self, other)
        return r if r is NotImplemented else not r
    return {'__gt__': gt, '__le__': le, '__ge__': ge}


def _derived_from_le():
    def ge(self, other):
        r = type(self).__le__(self, other)
        return r if r is NotImplemented else (not r or self == other)

    def lt(self, other):
        r = type(self).__le__(self, other)
        return r if r is NotImplemented else (r and self != other)

    def gt(self, other):
        r = type(self).__le__(self, other)
        return r if r is NotImplemented else not r
    return {'__ge__': ge, '__lt__': lt, '__gt__': gt}


def _derived_from_gt():
    def lt(self, other):
        r = type(self).__gt__(self, other)
        return r if r is NotImplemented else (not r and self != other)

    def ge(self, other):
        r = type(self).__gt__(self, other)
        return r if r is NotImplemented else (r or self == other)

    def le(self, other):
        r = type(self).__gt__(self, other)
        return r if r is NotImplemented else not r
    return {'__lt__': lt, '__ge__': ge, '__le__': le}


def _derived_from_ge():
    def le(self, other):
        r = type(self).__ge__(self, other)
        return r if r is NotImplemented else (not r or self == other)

    def gt(self, other):
        r = type(self).__ge__(self, other)
        return r if r is NotImplemented else (r and self != other)

    def lt(self, other):
        r = type(self).__ge__(self, other)
        return r if r is NotImplemented else not r
    return {'__le__': le, '__gt__': gt, '__lt__': lt}


def _name_methods(root, methods):
    # Shared by every decorated class, as in CPython, and named like its.
    for name, method in methods.items():
        method.__name__ = name
        method.__qualname__ = '_%s_from_%s' % (name.strip('_'), root.strip('_'))
    return methods


# Roots in order of preference (CPython picks the largest name).
_DERIVED_METHODS = {
    '__lt__': _name_methods('__lt__', _derived_from_lt()),
    '__le__': _name_methods('__le__', _derived_from_le()),
    '__gt__': _name_methods('__gt__', _derived_from_gt()),
    '__ge__': _name_methods('__ge__', _derived_from_ge()),
}


def total_ordering(cls):
    """Class decorator: given a class that defines one of __lt__, __le__,
    __gt__ or __ge__ (and __eq__), supply the other ordering methods."""
    defined = set()
    for root in _DERIVED_METHODS:
        if getattr(cls, root, None) is not getattr(object, root, None):
            defined.add(root)
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    for root in _DERIVED_METHODS:
        if root in defined:
            break
    for name, method in _DERIVED_METHODS[root].items():
        if name not in defined:
            setattr(cls, name, method)
    return cls


# --- lru_cache -------------------------------------------------------------------
#
# The cache is a plain dict and its insertion order is the recency order:
# a hit moves its key to the end by deleting and re-inserting it, and the
# least recently used entry is the first one.

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])

# Separates positional from keyword arguments inside a key, so f(1, 'a', 2)
# and f(1, a=2) cannot collide.
_KWD_MARK = (object(),)


def _make_key(args, kwds, typed):
    """The cache key for one call. Positional arguments alone are their own
    tuple, and a lone int or str argument stands for itself (cheap to hash
    and compare). Keys for calls with keywords, or typed ones, are built by
    _typed_or_keyword_key."""
    if kwds or typed:
        return _typed_or_keyword_key(args, kwds, typed)
    if len(args) == 1 and type(args[0]) in _SELF_KEYED:
        return args[0]
    return args


_SELF_KEYED = frozenset([int, str])


def _typed_or_keyword_key(args, kwds, typed):
    key = args
    if kwds:
        key += _KWD_MARK
        for pair in kwds.items():
            key += pair
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    return key


def _uncached_wrapper(user_function, counts):
    def wrapper(*args, **kwds):
        counts[1] += 1
        return user_function(*args, **kwds)
    return wrapper


def _unbounded_wrapper(user_function, store, counts, typed):
    missing = object()
    lookup = store.get

    def wrapper(*args, **kwds):
        # _make_key, inlined for the common positional-only call.
        if kwds or typed:
            key = _typed_or_keyword_key(args, kwds, typed)
        elif len(args) == 1 and type(args[0]) in _SELF_KEYED:
            key = args[0]
        else:
            key = args
        result = lookup(key, missing)
        if result is not missing:
            counts[0] += 1
            return result
        counts[1] += 1
        result = user_function(*args, **kwds)
        store[key] = result
        return result
    return wrapper


def _bounded_wrapper(user_function, store, counts, typed, maxsize):
    missing = object()
    lookup = store.get

    def wrapper(*args, **kwds):
        # _make_key, inlined for the common positional-only call.
        if kwds or typed:
            key = _typed_or_keyword_key(args, kwds, typed)
        elif len(args) == 1 and type(args[0]) in _SELF_KEYED:
            key = args[0]
        else:
            key = args
        result = lookup(key, missing)
        if result is not missing:
            counts[0] += 1
            del store[key]
            store[key] = result
            return result
        counts[1] += 1
        result = user_function(*args, **kwds)
        # A recursive call may have cached this key meanwhile; keep that entry.
        if key not in store:
            if len(store) >= maxsize:
                for oldest in store:    # the first key: cheaper than next(iter())
                    break
                del store[oldest]
            store[key] = result
        return result
    return wrapper


def _lru_cache_wrapper(user_function, maxsize, typed):
    store = {}
    counts = [0, 0]          # hits, misses
    if maxsize == 0:
        wrapper = _uncached_wrapper(user_function, counts)
    elif maxsize is None:
        wrapper = _unbounded_wrapper(user_function, store, counts, typed)
    else:
        wrapper = _bounded_wrapper(user_function, store, counts, typed, maxsize)

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(counts[0], counts[1], maxsize, len(store))

    def cache_clear():
        """Clear the cache and cache statistics"""
        store.clear()
        counts[0] = counts[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    maxsize None means unbounded, 0 means no caching (only counting). With
    typed true, arguments of different types are cached apart (3 and 3.0).
    The decorated function gains cache_info(), cache_clear() and
    cache_parameters(). Used bare (@lru_cache), maxsize is 128."""
    if callable(maxsize) and isinstance(typed, bool):
        return _lru_cache_wrapper(maxsize, 128, typed)
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')
    return lambda user_function: _lru_cache_wrapper(user_function, maxsize, typed)


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return _lru_cache_wrapper(user_function, None, False)


# --- cached_property -------------------------------------------------------------

_ABSENT = object()


class cached_property:
    """Like property, but the getter runs once per instance: its result is
    stored in the instance's __dict__ under the same name, and that entry
    shadows this (non-data) descriptor from then on."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
            return
        if name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different "
                            f"names ({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError("Cannot use cached_property instance without calling "
                            "__set_name__ on it.")
        try:
            slots = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {name!r} property.") from None
        value = slots.get(name, _ABSENT)
        if value is _ABSENT:
            value = self.func(instance)
            try:
                slots[name] = value
            except TypeError:
                raise TypeError(f"The '__dict__' attribute on {type(instance).__name__!r} "
                                f"instance does not support item assignment for caching "
                                f"{name!r} property.") from None
        return value


# --- partialmethod ---------------------------------------------------------------

class partialmethod:
    """partial for methods: a descriptor that binds like the function it
    wraps, then supplies the stored arguments after self (or cls)."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        if isinstance(func, partialmethod):
            # Flatten nesting: one call reaches the innermost function.
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        positional = ", ".join([repr(a) for a in self.args])
        named = ", ".join([f"{k}={v!r}" for k, v in self.keywords.items()])
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({self.func}, {positional}, {named})"

    def __get__(self, obj, cls=None):
        binder = getattr(self.func, "__get__", None)
        if binder is not None:
            bound = binder(obj, cls)
            # Only a real binding (a method, a classmethod's result) becomes a
            # partial; a static function falls through to the plain method.
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
                return result
        return self._as_function().__get__(obj, cls)

    def _as_function(self):
        def _method(cls_or_self, /, *args, **keywords):
            return self.func(cls_or_self, *self.args, *args,
                             **{**self.keywords, **keywords})
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# --- singledispatch --------------------------------------------------------------

def _union_members(hint):
    """The classes of a typing.Union (or X | Y), or None if hint is no union."""
    import typing
    if typing.get_origin(hint) is not typing.Union:
        return None
    return typing.get_args(hint)


def _dispatch_classes(hint):
    """The classes hint stands for, or None if it is not a class or a union
    of classes (what register() accepts)."""
    if isinstance(hint, type):
        return (hint,)
    members = _union_members(hint)
    if members and all(isinstance(m, type) for m in members):
        return members
    return None


def _classes_from_annotation(func):
    """register(func) without a class: take the first parameter's annotation."""
    if not getattr(func, '__annotations__', {}):
        raise TypeError(f"Invalid first argument to `register()`: {func!r}. "
                        "Use either `@register(some_class)` or plain `@register` "
                        "on an annotated function.")
    from typing import get_type_hints
    argname, hint = next(iter(get_type_hints(func).items()))
    classes = _dispatch_classes(hint)
    if classes is None:
        problem = ("not all arguments are classes" if _union_members(hint)
                   else "is not a class")
        raise TypeError(f"Invalid annotation for {argname!r}. {hint!r} {problem}.")
    return classes


def _best_implementation(cls, registry):
    """The registered implementation for the class nearest to cls: the
    first hit along cls.__mro__, where an abstract base class that cls
    only registers with ranks right after the last MRO entry that is its
    subclass (the more specific of two such ABCs first)."""
    mro = cls.__mro__
    best = best_rank = None
    for i, base in enumerate(mro):
        if base in registry:
            best, best_rank = base, (i, 0)
            break
    for abc in registry:
        if abc in mro or not issubclass(cls, abc):
            continue
        rank = (max(i for i, b in enumerate(mro) if issubclass(b, abc)), 1)
        if best_rank is None or rank < best_rank:
            best, best_rank = abc, rank
        elif rank == best_rank and not issubclass(best, abc):
            if not issubclass(abc, best):
                raise RuntimeError(f"Ambiguous dispatch: {best} or {abc}")
            best = abc
    return registry.get(best)


class _ReadOnlyView:
    """A live read-only view of a dict, for interpreters whose
    types.MappingProxyType copies instead of viewing."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return f"mappingproxy({self._mapping!r})"


def _read_only(mapping):
    import types
    if types.MappingProxyType is dict:
        return _ReadOnlyView(mapping)
    return types.MappingProxyType(mapping)


def singledispatch(func):
    """Single-dispatch generic function decorator.

    The decorated function is the fallback; register(cls) adds an
    implementation used when the first argument is an instance of cls (or
    of a subclass, the nearest registered class along the MRO winning)."""
    from abc import get_cache_token
    registry = {object: func}
    resolved = {}    # class -> implementation, reset when registry changes
    # ABC.register() can change the answer for a class too; once an ABC is
    # registered here, the abc module's cache token tells when.
    token = [None]
    funcname = getattr(func, '__name__', 'singledispatch function')

    def dispatch(cls):
        """The implementation singledispatch would call for cls."""
        if token[0] is not None and token[0] != get_cache_token():
            resolved.clear()
            token[0] = get_cache_token()
        impl = resolved.get(cls)
        if impl is None:
            impl = resolved[cls] = _best_implementation(cls, registry)
        return impl

    def register(cls, func=None):
        """Register func for cls (or for the classes of a union). Usable as
        @register(cls), or as plain @register on a function whose first
        parameter is annotated."""
        classes = _dispatch_classes(cls)
        if classes is None:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. "
                                f"{cls!r} is not a class or union type.")
            func = cls
            classes = _classes_from_annotation(func)
        elif func is None:
            return lambda f: register(cls, f)
        for klass in classes:
            registry[klass] = func
            if token[0] is None and hasattr(klass, '__abstractmethods__'):
                token[0] = get_cache_token()
        resolved.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _read_only(registry)
    wrapper._clear_cache = resolved.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after
    self or cls. Works under @classmethod and @staticmethod too."""

    def __init__(self, func):
        if not (callable(func) or hasattr(func, "__get__")):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.func = func
        self.dispatcher = singledispatch(func)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    def register(self, cls, method=None):
        """Register method for cls, as singledispatch's register does."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def _method(*args, **kwargs):
            impl = dispatch(args[0].__class__)
            return impl.__get__(obj, cls)(*args, **kwargs)
        update_wrapper(_method, self.func)
        _method.register = self.register
        _method.__isabstractmethod__ = self.__isabstractmethod__
        return _method
