"""Tasks and the ways to wait for several things at once: create_task,
sleep, gather, shield, wait_for, wait, as_completed, ensure_future, and the
bridges to threads (wrap_future, run_coroutine_threadsafe, to_thread).

Task and Future themselves are native (stdlib/asyncio_task.cpp,
stdlib/asyncio_future.cpp); what is here composes them with done-callbacks.
"""

import collections
import collections.abc
import concurrent.futures
import contextvars
import functools

import _asyncio
from _asyncio import Future, Task, current_task, all_tasks
from .kinds import iscoroutine
from .errors import CancelledError, InvalidStateError
from .loop import get_event_loop, get_running_loop

__all__ = ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'wait', 'wait_for', 'as_completed', 'sleep', 'gather', 'shield', 'ensure_future',
           'run_coroutine_threadsafe', 'current_task', 'all_tasks', 'to_thread',
           'wrap_future', 'isfuture', 'Future')

FIRST_COMPLETED = concurrent.futures.FIRST_COMPLETED
FIRST_EXCEPTION = concurrent.futures.FIRST_EXCEPTION
ALL_COMPLETED = concurrent.futures.ALL_COMPLETED


def isfuture(obj):
    """True for an asyncio Future (or an object that behaves as one)."""
    if isinstance(obj, Future):
        return True
    return (hasattr(type(obj), '_asyncio_future_blocking')
            and obj._asyncio_future_blocking is not None)


def create_task(coro, *, name=None, context=None):
    """Schedules `coro` on the running loop as a Task."""
    return get_running_loop().create_task(coro, name=name, context=context)


# sleep(delay, result=None) is native (stdlib/asyncio_sleep.cpp): every
# waiting task makes one, so it makes no Python frame.
sleep = _asyncio.sleep
collections.abc.Coroutine.register(_asyncio._SleepCoroutine)


async def _await_it(awaitable):
    return await awaitable


def ensure_future(obj, *, loop=None):
    """A Future for `obj`: itself, a Task running it, or a Task awaiting it."""
    if isfuture(obj):
        if loop is not None and loop is not obj.get_loop():
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return obj
    if iscoroutine(obj):
        owner = loop if loop is not None else get_event_loop()
        return owner.create_task(obj)
    if hasattr(obj, '__await__'):
        owner = loop if loop is not None else get_event_loop()
        return owner.create_task(_await_it(obj))
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


# --- gather ---

_QUIET_CONTEXT = contextvars.Context()

class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels every child."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled_any = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled_any = True
        if cancelled_any:
            self._cancel_requested = True
        return cancelled_any


def _outcome(child):
    if child.cancelled():
        msg = child._cancel_message
        return CancelledError('' if msg is None else msg)
    exc = child.exception()
    return exc if exc is not None else child.result()


def gather(*aws, return_exceptions=False):
    """A future for the results of all `aws`, in order.

    The first failure fails the outer future unless `return_exceptions`,
    which puts exceptions among the results. Cancelling the outer future
    cancels the children.
    """
    if not aws:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    loop = None
    by_arg = {}
    children = []
    for aw in aws:
        fut = by_arg.get(id(aw)) if not isfuture(aw) else None
        if fut is None:
            fut = ensure_future(aw, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            by_arg[id(aw)] = fut
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    pending = [len(children)]

    def child_done(child):
        pending[0] -= 1
        if outer.done():
            if not child.cancelled():
                child.exception()
            return
        if not return_exceptions:
            if child.cancelled():
                outer.set_exception(child._make_cancelled_error())
                return
            exc = child.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if pending[0] == 0:
            results = [_outcome(c) for c in children]
            if outer._cancel_requested:
                outer.set_exception(child._make_cancelled_error())
            else:
                outer.set_result(results)

    for child in children:
        # child_done reads no context variable: it runs in one shared
        # empty Context instead of a copy per child.
        child.add_done_callback(child_done, context=_QUIET_CONTEXT)
    return outer


# --- shield ---

def shield(arg):
    """Waits for `arg` while protecting it from the waiter's cancellation."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner.get_loop().create_future()

    def copy_to_outer(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
        elif inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def forget_inner(outer):
        if not inner.done():
            inner.remove_done_callback(copy_to_outer)

    inner.add_done_callback(copy_to_outer)
    outer.add_done_callback(forget_inner)
    return outer


# --- wait_for, wait, as_completed ---

def _wake(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_then_wait(fut, loop):
    """Cancels `fut` and waits until it is done (whatever it does with the
    cancellation)."""
    waiter = loop.create_future()
    wake = functools.partial(_wake, waiter)
    fut.add_done_callback(wake)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(wake)


def _result_or_timeout(fut):
    try:
        return fut.result()
    except CancelledError as exc:
        raise TimeoutError() from exc


async def wait_for(fut, timeout):
    """Awaits `fut`, cancelling it and raising TimeoutError after `timeout`
    seconds (None: no limit)."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout <= 0:
        if fut.done():
            return fut.result()
        await _cancel_then_wait(fut, loop)
        return _result_or_timeout(fut)
    waiter = loop.create_future()
    timer = loop.call_later(timeout, _wake, waiter)
    wake = functools.partial(_wake, waiter)
    fut.add_done_callback(wake)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(wake)
            await _cancel_then_wait(fut, loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(wake)
        await _cancel_then_wait(fut, loop)
        return _result_or_timeout(fut)
    finally:
        timer.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures in `fs`; returns (done, pending) sets."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    fs = {ensure_future(f, loop=loop) for f in fs}
    waiter = loop.create_future()
    timer = loop.call_later(timeout, _wake, waiter) if timeout is not None else None
    left = [len(fs)]

    def one_done(f):
        left[0] -= 1
        if (left[0] <= 0 or return_when == FIRST_COMPLETED
                or (return_when == FIRST_EXCEPTION and not f.cancelled()
                    and f.exception() is not None)):
            if timer is not None:
                timer.cancel()
            _wake(waiter)

    for f in fs:
        f.add_done_callback(one_done)
    try:
        await waiter
    finally:
        if timer is not None:
            timer.cancel()
        for f in fs:
            f.remove_done_callback(one_done)
    done = {f for f in fs if f.done()}
    return done, fs - done


def as_completed(fs, *, timeout=None):
    """Yields awaitables that give the results of `fs` in completion order;
    TimeoutError once `timeout` seconds have passed."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    loop = get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    finished = collections.deque()
    waiters = collections.deque()
    state = {'timer': None}

    def deliver(item):
        finished.append(item)
        while waiters:
            w = waiters.popleft()
            if not w.done():
                w.set_result(None)
                break

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_done)
        todo.clear()
        deliver(None)

    def on_done(f):
        if f not in todo:
            return
        todo.discard(f)
        deliver(f)
        if not todo and state['timer'] is not None:
            state['timer'].cancel()

    async def next_result():
        while not finished:
            w = loop.create_future()
            waiters.append(w)
            await w
        f = finished.popleft()
        if f is None:
            finished.appendleft(None)
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_done)
    if todo and timeout is not None:
        state['timer'] = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield next_result()


# --- threads ---

def _to_asyncio_error(exc):
    if isinstance(exc, concurrent.futures.CancelledError):
        return CancelledError(*exc.args)
    if isinstance(exc, concurrent.futures.InvalidStateError):
        return InvalidStateError(*exc.args)
    return exc


def _copy_outcome(source, dest):
    """Puts the outcome of the done future `source` into `dest`."""
    if isinstance(dest, Future):
        if dest.cancelled():
            return
        if source.cancelled():
            dest.cancel()
        elif source.exception() is not None:
            dest.set_exception(_to_asyncio_error(source.exception()))
        else:
            dest.set_result(source.result())
        return
    if source.cancelled():
        dest.cancel()
    if not dest.set_running_or_notify_cancel():
        return
    if source.exception() is not None:
        dest.set_exception(_to_asyncio_error(source.exception()))
    else:
        dest.set_result(source.result())


def _loop_of(fut):
    return fut.get_loop() if isinstance(fut, Future) else None


def _chain(source, dest):
    """Makes `dest` follow `source` (either may be an asyncio Future bound
    to a loop or a thread-safe concurrent.futures.Future); cancelling
    `dest` cancels `source`."""
    source_loop = _loop_of(source)
    dest_loop = _loop_of(dest)

    def dest_done(d):
        if not d.cancelled():
            return
        if source_loop is None or source_loop is dest_loop:
            source.cancel()
        elif not source_loop.is_closed():
            source_loop.call_soon_threadsafe(source.cancel)

    def source_done(s):
        if dest.cancelled() and dest_loop is None:
            return
        if dest_loop is None or dest_loop is source_loop:
            _copy_outcome(s, dest)
        elif not dest_loop.is_closed():
            dest_loop.call_soon_threadsafe(_copy_outcome, s, dest)

    dest.add_done_callback(dest_done)
    source.add_done_callback(source_done)


def wrap_future(future, *, loop=None):
    """An asyncio Future following a concurrent.futures.Future."""
    if isfuture(future):
        return future
    if not isinstance(future, concurrent.futures.Future):
        raise AssertionError(f'concurrent.futures.Future is expected, got {future!r}')
    if loop is None:
        loop = get_event_loop()
    new = loop.create_future()
    _chain(future, new)
    return new


def run_coroutine_threadsafe(coro, loop):
    """Runs `coro` on `loop` (from another thread); returns a
    concurrent.futures.Future for its result."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    result = concurrent.futures.Future()

    def start():
        try:
            _chain(ensure_future(coro, loop=loop), result)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if result.set_running_or_notify_cancel():
                result.set_exception(exc)
            raise

    loop.call_soon_threadsafe(start)
    return result


async def to_thread(func, /, *args, **kwargs):
    """Runs func(*args, **kwargs) in the loop's default executor, in a copy
    of the current context."""
    loop = get_running_loop()
    ctx = contextvars.copy_context()
    return await loop.run_in_executor(None, functools.partial(ctx.run, func, *args, **kwargs))
