"""InterpreterPoolExecutor: a thread pool whose workers each own an interpreter.

Written for gilt from CPython 3.14's documentation.  Every worker thread
creates its own interpreter (concurrent.interpreters.create()) before its
first job and closes it when it ends; a job fn(*args, **kwargs) is sent to
that interpreter with Interpreter.call, so fn and its arguments travel as
shareable copies or pickles (functions by reference) and the result comes
back the same way.  Since each interpreter has its own GIL, CPU-bound jobs
run in parallel, as on a process pool, without starting processes.

The initializer, if any, runs in each worker's interpreter.  An exception
raised by a job is raised again by Future.result() as itself when it can be
pickled (with the ExecutionFailed that carried it as __cause__), otherwise
as that ExecutionFailed.
"""

import pickle
import threading

from concurrent import interpreters

from . import thread as _thread

__all__ = ["InterpreterPoolExecutor", "BrokenInterpreterPool", "ExecutionFailed"]

ExecutionFailed = interpreters.ExecutionFailed


class BrokenInterpreterPool(_thread.BrokenThreadPool):
    """A worker's initializer failed: the pool takes no more work."""


# The interpreter of the worker thread running the current job.
_local = threading.local()


def _worker(executor_ref, work_queue, initializer, initargs):
    interp = interpreters.create()
    _local.interp = interp
    try:
        _thread._worker(executor_ref, work_queue, initializer, initargs)
    finally:
        _local.interp = None
        interp.close()


def _reraise(failure):
    pickled = getattr(failure.excinfo, "_pickled", None)
    if pickled is None:
        raise failure
    try:
        original = pickle.loads(pickled)
    except Exception:
        raise failure from None
    raise original from failure


def _call_in_worker(fn, args, kwargs):
    try:
        return _local.interp.call(fn, *args, **kwargs)
    except ExecutionFailed as failure:
        _reraise(failure)


class InterpreterPoolExecutor(_thread.ThreadPoolExecutor):

    _worker_main = staticmethod(_worker)
    _broken_error = BrokenInterpreterPool

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        """A pool of at most max_workers threads, each with its own interpreter.

        initializer(*initargs) runs in each worker's interpreter before its
        first job; it and the jobs must be shareable (module-level functions).
        """
        if not (initializer is None or callable(initializer)):
            raise TypeError("initializer must be a callable")
        if initializer is not None:
            init, init_args = _call_in_worker, (initializer, initargs, {})
        else:
            init, init_args = None, ()
        super().__init__(max_workers, thread_name_prefix, init, init_args)

    def submit(self, fn, /, *args, **kwargs):
        return super().submit(_call_in_worker, fn, args, kwargs)

    submit.__doc__ = _thread.ThreadPoolExecutor.submit.__doc__
