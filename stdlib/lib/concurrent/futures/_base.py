"""What every executor shares: Future, Executor, wait() and as_completed().

Written for gilt from the documented behaviour of CPython 3.11's
concurrent.futures.

A Future moves through these states, each change made under its condition:

    PENDING --set_running_or_notify_cancel()--> RUNNING --set_result()-->
                                                        --set_exception()--> FINISHED
    PENDING --cancel()--> CANCELLED --set_running_or_notify_cancel()-->
                                      CANCELLED_AND_NOTIFIED

set_result() and set_exception() are also allowed on a PENDING future (a
future made by hand need never run).  wait() and as_completed() count a
future as done once it is FINISHED or CANCELLED_AND_NOTIFIED: a future that
was cancelled but never handed back to its executor is not done for them, as
in CPython.  Threads blocked in result() and exception() wait on the
future's condition; wait() and as_completed() attach a _Watcher to each
future they watch, and the future reports to it when it completes.
"""

import threading
import time
import types
from collections import namedtuple

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"
_AS_COMPLETED = "_AS_COMPLETED"

PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

# How repr() names each state.
_STATE_TO_DESCRIPTION_MAP = dict(
    zip(_FUTURE_STATES, ("pending", "running", "cancelled", "cancelled", "finished"))
)

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
_SETTLED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)  # "done" for wait()


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


# Since 3.11 the builtin, so one except clause catches both.
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """
    Raised when a executor has become non-functional after a severe failure.
    """


DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")


def _log(level, message, exc_info=False):
    # Logs to the "concurrent.futures" logger, as CPython does; with no
    # logging configured its last-resort handler writes the message (and
    # with exc_info the traceback of the exception being handled) to
    # sys.stderr.  Without a logging module this does the same by hand.
    try:
        import logging
    except ImportError:
        logging = None
    if logging is not None:
        getattr(logging.getLogger("concurrent.futures"), level)(message, exc_info=exc_info)
        return
    import sys

    stream = sys.stderr
    if stream is None:
        return
    stream.write(message + "\n")
    if exc_info:
        import traceback

        traceback.print_exc(file=stream)


class _Watcher:
    """The side of wait() and as_completed() that futures report to.

    `finished` collects futures as they complete; `event` is set when the
    waiting thread should look at it: after every completion for
    FIRST_COMPLETED and as_completed, at the first failure or once all have
    completed for FIRST_EXCEPTION, once all have completed for
    ALL_COMPLETED.  `lock` guards `finished` and `remaining`.
    """

    def __init__(self, mode, remaining):
        self.mode = mode
        self.remaining = remaining
        self.finished = []
        self.lock = threading.Lock()
        self.event = threading.Event()

    def report(self, future, failed):
        with self.lock:
            self.finished.append(future)
            self.remaining -= 1
            wake = self.remaining <= 0 or self.mode in (FIRST_COMPLETED, _AS_COMPLETED)
            if failed and self.mode == FIRST_EXCEPTION:
                wake = True
        if wake:
            self.event.set()

    def take_finished(self):
        # as_completed: the futures reported since the last call.
        with self.lock:
            batch = self.finished
            self.finished = []
            self.event.clear()
        return batch


class _Holding:
    """Holds the conditions of many futures at once.

    Always taken in id() order, so two threads holding overlapping sets
    cannot deadlock.
    """

    def __init__(self, futures):
        self.conditions = [f._condition for f in sorted(futures, key=id)]

    def __enter__(self):
        for condition in self.conditions:
            condition.acquire()

    def __exit__(self, *exc_info):
        for condition in reversed(self.conditions):
            condition.release()


def _detach(futures, watcher):
    for future in futures:
        with future._condition:
            if watcher in future._watchers:
                future._watchers.remove(watcher)


def as_completed(fs, timeout=None):
    """Yield the futures of `fs` one by one as each completes.

    Futures already finished or cancelled come first; duplicates in `fs`
    count once.  With a `timeout` (seconds, counted from the first next())
    the iterator raises TimeoutError when it runs out before every future
    has completed.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    futures = set(fs)
    total = len(futures)
    with _Holding(futures):
        ready = [f for f in futures if f._state in _SETTLED_STATES]
        waiting = futures.difference(ready)
        watcher = _Watcher(_AS_COMPLETED, len(waiting))
        for future in waiting:
            future._watchers.append(watcher)
    try:
        while ready:
            yield ready.pop()
        while waiting:
            if deadline is None:
                budget = None
            else:
                budget = deadline - time.monotonic()
                if budget < 0:
                    raise TimeoutError(f"{len(waiting)} (of {total}) futures unfinished")
            watcher.event.wait(budget)
            batch = watcher.take_finished()
            batch.reverse()
            while batch:
                future = batch.pop()
                waiting.discard(future)
                yield future
            future = None
    finally:
        _detach(futures, watcher)


def _wait_is_over(done, total, return_when):
    if return_when == FIRST_COMPLETED and done:
        return True
    if return_when == FIRST_EXCEPTION:
        for future in done:
            if future._state == FINISHED and future._exception is not None:
                return True
    return len(done) == total


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Block until the futures of `fs` are done as `return_when` asks.

    `return_when` is FIRST_COMPLETED (any one done), FIRST_EXCEPTION (any
    one failed, else all done) or ALL_COMPLETED (the default).  Returns
    DoneAndNotDoneFutures(done, not_done), two sets; when `timeout` seconds
    pass first, not_done holds the rest.
    """
    futures = set(fs)
    with _Holding(futures):
        done = {f for f in futures if f._state in _SETTLED_STATES}
        if _wait_is_over(done, len(futures), return_when):
            return DoneAndNotDoneFutures(done, futures - done)
        if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
            raise ValueError(f"Invalid return condition: {return_when!r}")
        waiting = futures - done
        watcher = _Watcher(return_when, len(waiting))
        for future in waiting:
            future._watchers.append(watcher)
    watcher.event.wait(timeout)
    _detach(waiting, watcher)
    with watcher.lock:
        done.update(watcher.finished)
    return DoneAndNotDoneFutures(done, futures - done)


class Future(object):
    """Represents the result of an asynchronous computation."""

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._state = PENDING
        self._callbacks = []
        self._watchers = []
        self._result = self._exception = None
        self._condition = threading.Condition()

    # -- completing -------------------------------------------------------

    def _run_callback(self, fn):
        try:
            fn(self)
        except Exception:
            _log("error", f"exception calling callback for {self!r}", exc_info=True)

    def _settle(self, state, result, exception):
        # Moves a pending or running future to FINISHED, or refuses with
        # InvalidStateError; then wakes everyone who waits for it.
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError(f"{self._state}: {self!r}")
            self._result = result
            self._exception = exception
            self._state = state
            for watcher in self._watchers:
                watcher.report(self, exception is not None)
            self._condition.notify_all()
        self._fire_callbacks()

    def _fire_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._run_callback(fn)

    def set_result(self, result):
        """Complete the future with `result` (for executors and tests)."""
        self._settle(FINISHED, result, None)

    def set_exception(self, exception):
        """Complete the future with `exception` (for executors and tests)."""
        self._settle(FINISHED, None, exception)

    def set_running_or_notify_cancel(self):
        """Called by an executor just before it runs the future's work.

        Returns True, and marks the future running, unless it was cancelled;
        then wait() and as_completed() hear of the cancellation and the result
        is False: the work must not run.  RuntimeError if the future is already
        running or done.
        """
        with self._condition:
            state = self._state
            if state == PENDING:
                self._state = RUNNING
                return True
            if state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for watcher in self._watchers:
                    watcher.report(self, False)
                return False
        _log("critical", f"Future {id(self)} in unexpected state: {state}")
        raise RuntimeError("Future in unexpected state")

    def cancel(self):
        """Try to cancel; True unless the future is running or finished."""
        with self._condition:
            if self._state in _CANCELLED_STATES:
                return True
            if self._state != PENDING:
                return False
            self._state = CANCELLED
            self._condition.notify_all()
        self._fire_callbacks()
        return True

    # -- asking -----------------------------------------------------------

    def cancelled(self):
        """Return True if the future was cancelled."""
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        """True while the call is executing."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """True once the future is cancelled or finished."""
        with self._condition:
            return self._state in _DONE_STATES

    def add_done_callback(self, fn):
        """Call `fn(future)` once this future completes or is cancelled.

        Callbacks run in the order added, in the thread that completes the
        future; on a future that is already done `fn` runs at once.  An
        Exception raised by `fn` is logged and otherwise ignored.
        """
        with self._condition:
            if self._state not in _DONE_STATES:
                self._callbacks.append(fn)
                return
        self._run_callback(fn)

    def _outcome(self, timeout, want_result):
        # result() and exception(): wait up to `timeout` for the future to
        # complete, then hand back what was asked for.
        with self._condition:
            if self._state not in _DONE_STATES:
                self._condition.wait(timeout)
            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            if self._state != FINISHED:
                raise TimeoutError()
            if not want_result:
                return self._exception
            if self._exception is None:
                return self._result
            failure = self._exception
        try:
            raise failure
        finally:
            # The traceback would keep this frame, and the frame the
            # exception: break the cycle at once.
            failure = None
            self = None

    def result(self, timeout=None):
        """The call's return value, waiting up to `timeout` seconds for it.

        Re-raises the exception the call raised; CancelledError if the future
        was cancelled, TimeoutError if it is not done in time.
        """
        return self._outcome(timeout, True)

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting up
        to `timeout` seconds.  CancelledError or TimeoutError as for result().
        """
        return self._outcome(timeout, False)

    def __repr__(self):
        with self._condition:
            head = f"<{type(self).__name__} at {id(self):#x} state="
            state = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state != FINISHED:
                return f"{head}{state}>"
            if self._exception is not None:
                return f"{head}{state} raised {type(self._exception).__name__}>"
            return f"{head}{state} returned {type(self._result).__name__}>"

    __class_getitem__ = classmethod(types.GenericAlias)


def _result_or_cancel(future, timeout=None):
    # Executor.map's step: the result, and if it cannot be had in time the
    # future is cancelled so its work never starts.
    try:
        return future.result(timeout)
    finally:
        future.cancel()
        future = None


class Executor(object):
    """This is an abstract base class for concrete asynchronous executors."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule `fn(*args, **kwargs)` and return a Future for its outcome."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), with the calls run by this executor.

        All calls are submitted at once; the results come back in order.  With
        `timeout`, next() raises TimeoutError once that many seconds since the
        call to map() have passed; an exception from a call is raised when its
        result is reached.  `chunksize` only matters to ProcessPoolExecutor.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        # Every call is submitted now, before the first result is asked for.
        pending = [self.submit(fn, *args) for args in zip(*iterables)]
        pending.reverse()
        return _ordered_results(pending, deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting work and release the executor's resources.

        With `wait`, return only once all submitted work has finished; with
        `cancel_futures`, cancel the work not yet started first.  Calling it
        again is harmless.
        """
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.shutdown(wait=True)
        return False


def _ordered_results(pending, deadline):
    # The generator Executor.map returns: `pending` holds the futures last
    # first, so each is dropped as soon as its result is out.  Leaving early
    # (an exception, a timeout, close()) cancels the ones not reached.
    try:
        while pending:
            if deadline is None:
                yield _result_or_cancel(pending.pop())
            else:
                yield _result_or_cancel(pending.pop(), deadline - time.monotonic())
    finally:
        for future in pending:
            future.cancel()
