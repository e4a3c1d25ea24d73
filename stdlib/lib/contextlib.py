"""contextlib: helpers for the with statement.

Provides the generator-based managers (contextmanager, asynccontextmanager),
ready-made managers (closing, aclosing, suppress, nullcontext,
redirect_stdout, redirect_stderr, chdir), the base classes
AbstractContextManager, AbstractAsyncContextManager, ContextDecorator and
AsyncContextDecorator, and ExitStack / AsyncExitStack for a number of
managers only known at run time."""

import os
import sys
from collections import deque
from functools import wraps

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir", "AsyncContextDecorator"]


# --- abstract bases ----------------------------------------------------------------
#
# In CPython these two are ABCs whose subclass hook accepts any class with
# the protocol's methods. ABCMeta makes every instantiation of every manager
# below slower here (its __call__ is Python code), so a small metaclass
# gives just the structural isinstance/issubclass and register(). Not
# reproduced: the abstract-method check that refuses to instantiate the
# bases themselves.

def _defines_all(cls, names):
    """True if every name is found along cls's MRO and none is set to None
    there (the convention for "deliberately not supported")."""
    for name in names:
        for klass in cls.__mro__:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return False
                break
        else:
            return False
    return True


class _ProtocolMeta(type):
    """Metaclass of the abstract bases: a class that has a base's
    _protocol methods, or was register()ed, counts as its subclass."""

    def __subclasscheck__(cls, subclass):
        if type.__subclasscheck__(cls, subclass):
            return True
        protocol = cls.__dict__.get('_protocol')
        if protocol is None:      # a concrete subclass: plain inheritance
            return False
        return subclass in cls._virtual or _defines_all(subclass, protocol)

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def register(cls, subclass):
        """Make subclass count as a subclass of cls. Returns subclass."""
        cls._virtual.add(subclass)
        return subclass


class AbstractContextManager(metaclass=_ProtocolMeta):
    """Base for context managers: __enter__ returns self, and __exit__ is
    the one method to supply. Any class with both methods counts as a
    subclass (issubclass checks the methods, not the inheritance)."""

    _protocol = ("__enter__", "__exit__")
    _virtual = set()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager(metaclass=_ProtocolMeta):
    """The asynchronous counterpart: __aenter__ returns self, supply
    __aexit__."""

    _protocol = ("__aenter__", "__aexit__")
    _virtual = set()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """Mixin that lets a context manager decorate a function: each call of
    the function then runs inside a with statement on the manager."""

    def __call__(self, func):
        @wraps(func)
        def run_managed(*args, **kwargs):
            with self._recreate_cm():
                return func(*args, **kwargs)
        return run_managed

    def _recreate_cm(self):
        """The manager to use for one call. Managers that cannot be entered
        twice override this to return a fresh copy."""
        return self


class AsyncContextDecorator:
    """ContextDecorator for asynchronous managers and coroutine functions."""

    def __call__(self, func):
        @wraps(func)
        async def run_managed(*args, **kwargs):
            async with self._recreate_cm():
                return await func(*args, **kwargs)
        return run_managed

    def _recreate_cm(self):
        """As ContextDecorator._recreate_cm."""
        return self


# --- @contextmanager ---------------------------------------------------------------
#
# The generator runs up to its yield on entry. On a normal exit it must
# finish when resumed; on an exception the exception is thrown in at the
# yield, and the outcome says whether the with statement swallows it:
# generator returns -> suppressed; the same exception comes back out ->
# not suppressed (the with statement re-raises it, keeping its traceback);
# any other exception -> that one propagates.

def _same_exception_back(raised, thrown, stop_types):
    """Whether raised, which came out of the generator, is really thrown
    coming back. A stop_types exception thrown into a generator comes back
    as a RuntimeError caused by it (PEP 479), which also counts."""
    if raised is thrown:
        return True
    return (isinstance(raised, RuntimeError)
            and isinstance(thrown, stop_types)
            and raised.__cause__ is thrown)


class _GeneratorCMBase:
    """What the sync and async generator managers share: creation from the
    decorated function's call, and recreation for decorator use."""

    def __init__(self, func, args, kwargs):
        self.func = func
        self.args = args
        self.kwds = kwargs
        self.gen = func(*args, **kwargs)
        # Show the decorated function's docstring, like the function would.
        doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if doc is None else doc

    def _recreate_cm(self):
        return type(self)(self.func, self.args, self.kwds)

    def _forget_call(self):
        # A manager made by the decorated function is entered once only:
        # drop what _recreate_cm would need.
        del self.func, self.args, self.kwds


class _GeneratorContextManager(_GeneratorCMBase, AbstractContextManager,
                               ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._forget_call()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is not None:
            return self._throw_in(typ, value, traceback)
        try:
            next(self.gen)
        except StopIteration:
            return False
        raise RuntimeError("generator didn't stop")

    def _throw_in(self, typ, value, traceback):
        if value is None:
            value = typ()
        try:
            self.gen.throw(typ, value, traceback)
        except StopIteration as stop:
            # The generator returned: suppressed, unless what stopped it is
            # the StopIteration we threw in.
            return stop is not value
        except BaseException as raised:
            if not _same_exception_back(raised, value, StopIteration):
                raise
            value.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorCMBase, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    # The generator is driven through __anext__() rather than the anext()
    # builtin, which not every interpreter of this subset provides.

    async def __aenter__(self):
        self._forget_call()
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is not None:
            return await self._throw_in(typ, value, traceback)
        try:
            await self.gen.__anext__()
        except StopAsyncIteration:
            return False
        raise RuntimeError("generator didn't stop")

    async def _throw_in(self, typ, value, traceback):
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(typ, value, traceback)
        except StopAsyncIteration as stop:
            return stop is not value
        except BaseException as raised:
            if not _same_exception_back(raised, value,
                                        (StopIteration, StopAsyncIteration)):
                raise
            value.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """@contextmanager decorator: turns a generator function into a factory
    of context managers. The code before its single yield runs on entry
    (the yielded value is what `as` binds), the code after it on exit; an
    exception from the block is raised at the yield."""
    @wraps(func)
    def make_manager(*args, **kwargs):
        return _GeneratorContextManager(func, args, kwargs)
    return make_manager


def asynccontextmanager(func):
    """@asynccontextmanager decorator: contextmanager for async generator
    functions, giving managers for `async with`."""
    @wraps(func)
    def make_manager(*args, **kwargs):
        return _AsyncGeneratorContextManager(func, args, kwargs)
    return make_manager


# --- small managers ----------------------------------------------------------------

class closing(AbstractContextManager):
    """Calls thing.close() on exit; `as` binds thing itself."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Awaits thing.aclose() on exit (for async generators and the like)."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc):
        await self.thing.aclose()


class suppress(AbstractContextManager):
    """Swallow the listed exception types (and their subclasses) raised in
    the block; execution goes on after the with statement."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, self._exceptions)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A manager that does nothing; `as` binds enter_result. Stands in where
    a real manager is optional. Usable with `async with` too."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    async def __aenter__(self):
        return self.enter_result

    def __exit__(self, *exc):
        return None

    async def __aexit__(self, *exc):
        return None


class _SwapSysStream(AbstractContextManager):
    """Temporarily replaces sys.<_stream>. Reentrant: a stack remembers the
    previous targets, so the same object can be nested."""

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        name = self._stream
        self._old_targets.append(getattr(sys, name))
        setattr(sys, name, self._new_target)
        return self._new_target

    def __exit__(self, *exc):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_SwapSysStream):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = "stdout"


class redirect_stderr(_SwapSysStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = "stderr"


class chdir(AbstractContextManager):
    """Changes the working directory for the block and restores it after.
    Not thread-safe: the working directory belongs to the process."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        previous = os.getcwd()
        os.chdir(self.path)
        self._old_cwd.append(previous)

    def __exit__(self, *exc):
        os.chdir(self._old_cwd.pop())


# --- ExitStack -----------------------------------------------------------------------
#
# The stack holds (is_sync, callback) pairs, each callback taking the
# __exit__ triple. Unwinding calls them newest first, passing each the
# exception still pending; a callback returning true clears it.

def _unsupported_protocol(cls, what):
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not "
                     f"support the {what} protocol")


class _ExitStackBase:
    """Registration, shared by ExitStack and AsyncExitStack."""

    def __init__(self):
        self._exit_callbacks = deque()

    def pop_all(self):
        """Move every registered callback to a new stack of the same type
        and return it; this one is left empty."""
        moved = type(self)()
        moved._exit_callbacks, self._exit_callbacks = self._exit_callbacks, deque()
        return moved

    def push(self, exit):
        """Register exit, a manager (its __exit__ is used, without entering
        it) or a callable with __exit__'s signature. Returns exit, so it
        works as a decorator."""
        method = getattr(type(exit), "__exit__", None)
        if method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._push_exit_method(exit, method, True)
        return exit

    def enter_context(self, cm):
        """Enter cm and register its __exit__. Returns what __enter__ did."""
        cls = type(cm)
        try:
            enter, exit = cls.__enter__, cls.__exit__
        except AttributeError:
            raise _unsupported_protocol(cls, "context manager") from None
        result = enter(cm)
        self._push_exit_method(cm, exit, True)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register callback(*args, **kwds) to run at unwind; its result is
        ignored (it never suppresses). Returns callback."""
        def call(exc_type, exc, tb):
            callback(*args, **kwds)
        call.__wrapped__ = callback
        self._exit_callbacks.append((True, call))
        return callback

    def _push_exit_method(self, cm, method, is_sync):
        def call(exc_type, exc, tb):
            return method(cm, exc_type, exc, tb)
        self._exit_callbacks.append((is_sync, call))


def _chain_onto(new_exc, old_exc, outer_exc):
    """Make old_exc the context of new_exc, as if the callback that raised
    new_exc had run in an except block for old_exc. Walk down new_exc's
    context chain and cut it where it reaches outer_exc (the exception
    being handled around the with statement), which sits below both."""
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is outer_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


class _Unwinding:
    """The state of one unwind: the exception pending for the next callback
    and what has happened so far."""

    def __init__(self, exc_details):
        self.details = exc_details
        self.outer = sys.exc_info()[1]
        self.suppressed = False
        self.pending = False

    def callback_returned(self, result):
        if result:
            self.suppressed = True
            self.pending = False
            self.details = (None, None, None)

    def callback_raised(self):
        details = sys.exc_info()
        _chain_onto(details[1], self.details[1], self.outer)
        self.pending = True
        self.details = details

    def reraise(self):
        exc = self.details[1]
        # raise sets __context__ to the exception being handled; keep the
        # chain the callbacks built instead.
        context = exc.__context__
        try:
            raise exc
        except BaseException:
            exc.__context__ = context
            raise


class ExitStack(_ExitStackBase, AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks.

    Callbacks registered with enter_context, push and callback run in
    reverse order when the with statement ends (or on close())."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        state = _Unwinding(exc_details)
        callbacks = self._exit_callbacks
        while callbacks:
            is_sync, call = callbacks.pop()
            try:
                state.callback_returned(call(*state.details))
            except BaseException:
                state.callback_raised()
        if state.pending:
            state.reraise()
        return received and state.suppressed

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)


class AsyncExitStack(_ExitStackBase, AbstractAsyncContextManager):
    """ExitStack for asynchronous managers: also accepts async managers
    (enter_async_context, push_async_exit) and coroutine callbacks
    (push_async_callback), and unwinds with `async with` or aclose()."""

    async def enter_async_context(self, cm):
        """Enter the async manager cm and register its __aexit__."""
        cls = type(cm)
        try:
            enter, exit = cls.__aenter__, cls.__aexit__
        except AttributeError:
            raise _unsupported_protocol(cls, "asynchronous context manager") from None
        result = await enter(cm)
        self._push_exit_method(cm, exit, False)
        return result

    def push_async_exit(self, exit):
        """push() for an async manager or a coroutine function with
        __aexit__'s signature."""
        method = getattr(type(exit), "__aexit__", None)
        if method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._push_exit_method(exit, method, False)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """callback() for a coroutine function; awaited at unwind."""
        async def call(exc_type, exc, tb):
            await callback(*args, **kwds)
        call.__wrapped__ = callback
        self._exit_callbacks.append((False, call))
        return callback

    async def aclose(self):
        """Immediately unwind the context stack."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received = exc_details[0] is not None
        state = _Unwinding(exc_details)
        callbacks = self._exit_callbacks
        while callbacks:
            is_sync, call = callbacks.pop()
            try:
                result = call(*state.details)
                if not is_sync:
                    result = await result
                state.callback_returned(result)
            except BaseException:
                state.callback_raised()
        if state.pending:
            state.reraise()
        return received and state.suppressed
