"""Telling coroutines apart (asyncio.iscoroutine, iscoroutinefunction)."""

import collections.abc
import functools
import types

__all__ = ('iscoroutinefunction', 'iscoroutine')

_CO_COROUTINE = 0x80
_is_coroutine = object()
_KINDS = (types.CoroutineType, types.GeneratorType, collections.abc.Coroutine)


def iscoroutinefunction(func):
    """True for an `async def` function (or one marked as a coroutine)."""
    while isinstance(func, functools.partial):
        func = func.func
    func = getattr(func, '__func__', func)
    code = getattr(func, '__code__', None)
    if code is not None and code.co_flags & _CO_COROUTINE:
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine


def iscoroutine(obj):
    """True for a coroutine object (and, as in 3.11, a generator)."""
    if type(obj) is types.CoroutineType:
        return True
    return isinstance(obj, _KINDS)
