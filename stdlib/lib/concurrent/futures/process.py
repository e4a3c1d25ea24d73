"""ProcessPoolExecutor: runs submitted calls in worker processes.

Written for gilt from the documented behaviour of CPython 3.11.

Moving parts:

    submit() --> _pending (work id -> _WorkItem) and _work_ids (queue.Queue)
    dispatcher thread (one per executor):
        moves work ids into _call_queue, a bounded multiprocessing Queue
        (max_workers + 1 entries, so workers never starve and cancel()
        still works on everything behind them), marking each future running;
        waits on the result pipe, a wake-up pipe and every worker's
        sentinel; completes futures from _result_queue.
    workers: _call_queue --> fn(*args) --> _result_queue

A worker that dies (a signal, os._exit, a failed initializer) makes its
sentinel readable without a result: the pool is broken, every pending
future fails with BrokenProcessPool and later submit() calls raise it.
shutdown() lets the queued work finish (or cancels what has not started,
with cancel_futures), then sends each worker a None and joins them.

Workers start on demand under spawn and forkserver (one more whenever no
worker is idle), and all at once under fork, because forking from a
process whose dispatcher thread is running would copy that thread's state.
"""

import functools
import itertools
import os
import queue
import sys
import threading
import traceback
import weakref

import multiprocessing as mp
from multiprocessing import pool as _mp_pool
from multiprocessing.connection import wait
from multiprocessing.queues import Queue

from . import _base

__all__ = ["ProcessPoolExecutor", "BrokenProcessPool"]

# Calls queued for the workers beyond one per worker.
EXTRA_QUEUED_CALLS = 1

_BROKEN_POOL = "A child process terminated abruptly, the process pool is not usable anymore"
_BROKEN_FUTURE = ("A process in the process pool was terminated abruptly while the "
                  "future was running or pending.")


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process died while a future was running or pending."""


# -- the exit hook -------------------------------------------------------------------

class _Dispatchers:
    def __init__(self):
        self.exiting = False
        self.live = weakref.WeakKeyDictionary()   # dispatcher thread -> its wake-up pipe

    def stop_all(self):
        self.exiting = True
        known = list(self.live.items())
        for _, wakeup in known:
            wakeup.wakeup()
        for thread, _ in known:
            thread.join()


_dispatchers = _Dispatchers()
threading._register_atexit(_dispatchers.stop_all)


class _Wakeup:
    """A pipe the dispatcher waits on along with the result pipe."""

    def __init__(self):
        self._reader, self._writer = mp.Pipe(duplex=False)
        self._closed = False

    def wakeup(self):
        # An empty message is enough: the dispatcher only needs to wake.
        if self._closed:
            return
        try:
            self._writer.send_bytes(b"")
        except OSError:
            pass

    def clear(self):
        while not self._closed and self._reader.poll():
            self._reader.recv_bytes()

    def close(self):
        if self._closed:
            return
        self._closed = True
        for end in (self._writer, self._reader):
            end.close()


# -- what travels to and from the workers --------------------------------------------

class _RemoteTraceback(_mp_pool.RemoteTraceback):
    """The worker's formatted traceback, attached as __cause__; it prints
    as the text itself.  Its own class so that tracebacks name this module,
    as CPython's do."""


class _ExceptionWithTraceback(_mp_pool.ExceptionWithTraceback):
    """Pickles as the exception, with the worker's traceback text as its
    __cause__."""

    def __init__(self, exc, tb):
        super().__init__(exc, tb)
        # The frames cannot be pickled; the text made above stands in.
        exc.__traceback__ = None

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


class _WorkItem:
    __slots__ = ("future", "fn", "args", "kwargs")

    def __init__(self, future, fn, args, kwargs):
        self.future, self.fn = future, fn
        self.args, self.kwargs = args, kwargs


class _CallItem:
    def __init__(self, work_id, fn, args, kwargs):
        self.work_id, self.fn = work_id, fn
        self.args, self.kwargs = args, kwargs


class _ResultItem:
    """A worker's report: the outcome of one call, and/or (exit_pid) that
    the worker is leaving after max_tasks_per_child calls."""

    def __init__(self, work_id, exception=None, result=None, exit_pid=None):
        self.work_id, self.exit_pid = work_id, exit_pid
        self.exception, self.result = exception, result


class _CallQueue(Queue):
    """The call queue: a call whose arguments cannot be pickled fails its
    own future instead of killing the feeder thread."""

    def __init__(self, max_size, *, ctx, pending, shutdown_lock, wakeup):
        self._pending = pending
        self._shutdown_lock = shutdown_lock
        self._wakeup = wakeup
        super().__init__(max_size, ctx=ctx)

    def _on_queue_feeder_error(self, e, obj):
        if not isinstance(obj, _CallItem):
            return super()._on_queue_feeder_error(e, obj)
        text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
        e.__cause__ = _RemoteTraceback('\n"""\n%s"""' % text)
        item = self._pending.pop(obj.work_id, None)
        with self._shutdown_lock:
            self._wakeup.wakeup()
        if item is not None:
            item.future.set_exception(e)


def _send_result(result_queue, work_id, result=None, exception=None, exit_pid=None):
    try:
        result_queue.put(_ResultItem(work_id, result=result, exception=exception,
                                     exit_pid=exit_pid))
    except BaseException as exc:
        # The result (or exception) would not pickle: send that error.
        wrapped = _ExceptionWithTraceback(exc, exc.__traceback__)
        result_queue.put(_ResultItem(work_id, exception=wrapped, exit_pid=exit_pid))


def _process_worker(call_queue, result_queue, initializer, initargs, max_tasks=None):
    """The loop of a worker process."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            sys.stderr.write("Exception in initializer:\n")
            traceback.print_exc()
            # Exiting without a result breaks the pool, as in CPython.
            return
    done = 0
    while True:
        call = call_queue.get(block=True)
        if call is None:
            return
        exit_pid = None
        if max_tasks is not None:
            done += 1
            if done >= max_tasks:
                exit_pid = os.getpid()
        try:
            result = call.fn(*call.args, **call.kwargs)
        except BaseException as exc:
            _send_result(result_queue, call.work_id,
                         exception=_ExceptionWithTraceback(exc, exc.__traceback__),
                         exit_pid=exit_pid)
        else:
            _send_result(result_queue, call.work_id, result=result, exit_pid=exit_pid)
            del result
        del call
        if exit_pid is not None:
            return


# -- the dispatcher thread ---------------------------------------------------------------

class _Dispatcher(threading.Thread):
    def __init__(self, executor):
        super().__init__(name="ProcessPoolExecutorDispatcher")
        self.wakeup = executor._wakeup
        self.shutdown_lock = executor._shutdown_lock

        def on_executor_dropped(_, wakeup=self.wakeup, lock=self.shutdown_lock):
            with lock:
                wakeup.wakeup()

        self.executor_ref = weakref.ref(executor, on_executor_dropped)
        self.processes = executor._processes
        self.call_queue = executor._call_queue
        self.result_queue = executor._result_queue
        self.work_ids = executor._work_ids
        self.pending = executor._pending
        self.max_workers = executor._max_workers

    def run(self):
        while True:
            self.feed_call_queue()
            item, broken, cause = self.wait_for_news()
            if broken:
                self.fail_everything(cause)
                return
            if item is not None:
                self.complete(item)
                exited = item.exit_pid is not None
                if exited:
                    self.processes.pop(item.exit_pid).join()
                del item
                executor = self.executor_ref()
                if executor is not None:
                    if exited:
                        with self.shutdown_lock:
                            executor._adjust_process_count()
                    else:
                        executor._idle_workers.release()
                    del executor
            if self.shutting_down():
                self.stop_taking_work()
                if not self.pending:
                    self.wind_up()
                    return

    def feed_call_queue(self):
        while not self.call_queue.full():
            try:
                work_id = self.work_ids.get(block=False)
            except queue.Empty:
                return
            item = self.pending[work_id]
            if item.future.set_running_or_notify_cancel():
                self.call_queue.put(_CallItem(work_id, item.fn, item.args, item.kwargs),
                                    block=True)
            else:
                del self.pending[work_id]

    def wait_for_news(self):
        result_reader = self.result_queue._reader
        wakeup_reader = self.wakeup._reader
        watched = [result_reader, wakeup_reader,
                   *(p.sentinel for p in list(self.processes.values()))]
        ready = wait(watched)
        item, broken, cause = None, True, None
        if result_reader in ready:
            try:
                item = result_reader.recv()
                broken = False
            except BaseException as exc:
                cause = traceback.format_exception(type(exc), exc, exc.__traceback__)
        elif wakeup_reader in ready:
            broken = False
        with self.shutdown_lock:
            self.wakeup.clear()
        return item, broken, cause

    def complete(self, item):
        work = self.pending.pop(item.work_id, None)
        if work is None:
            return
        if item.exception is not None:
            work.future.set_exception(item.exception)
        else:
            work.future.set_result(item.result)

    def shutting_down(self):
        executor = self.executor_ref()
        return (_dispatchers.exiting or executor is None or executor._shutdown_thread)

    def stop_taking_work(self):
        executor = self.executor_ref()
        if executor is not None:
            executor._shutdown_thread = True
            if executor._cancel_pending_futures:
                still_queued = {}
                for work_id, work in self.pending.items():
                    if not work.future.cancel():
                        still_queued[work_id] = work
                self.pending.clear()
                self.pending.update(still_queued)
                while True:
                    try:
                        self.work_ids.get_nowait()
                    except queue.Empty:
                        break
                executor._cancel_pending_futures = False

    def fail_everything(self, cause):
        executor = self.executor_ref()
        if executor is not None:
            executor._broken = _BROKEN_POOL
            executor._shutdown_thread = True
            executor = None
        error = BrokenProcessPool(_BROKEN_FUTURE)
        if cause is not None:
            error.__cause__ = _RemoteTraceback('\n"""\n%s"""' % "".join(cause))
        for work in self.pending.values():
            try:
                work.future.set_exception(error)
            except _base.InvalidStateError:
                pass
        self.pending.clear()
        for p in self.processes.values():
            p.terminate()
        # The workers are gone: nothing will read the call pipe again, so
        # the feeder must not be waited for.
        self.call_queue.cancel_join_thread()
        self.call_queue.close()
        with self.shutdown_lock:
            self.wakeup.close()
        for p in self.processes.values():
            p.join()
        self.processes.clear()

    def wind_up(self):
        # One None per worker; a full queue means workers are still busy
        # taking calls, unless they have all died.
        sent = 0
        while sent < len(self.processes):
            try:
                self.call_queue.put(None, timeout=0.1)
                sent += 1
            except queue.Full:
                if not any(p.is_alive() for p in self.processes.values()):
                    break
        self.call_queue.close()
        self.call_queue.join_thread()
        with self.shutdown_lock:
            self.wakeup.close()
        for p in self.processes.values():
            p.join()
        self.processes.clear()


def _chunks(*iterables, chunksize):
    """Tuples of up to chunksize argument tuples, in order."""
    calls = zip(*iterables)
    yield from iter(lambda: tuple(itertools.islice(calls, chunksize)), ())


def _run_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _flatten(results):
    for chunk in results:
        chunk.reverse()
        while chunk:
            yield chunk.pop()


def _worker_count(requested):
    if requested is None:
        return os.cpu_count() or 1
    if requested <= 0:
        raise ValueError("max_workers must be greater than 0")
    return requested


def _check_tasks_per_child(limit, forking):
    if limit is None:
        return
    if not isinstance(limit, int):
        raise TypeError("max_tasks_per_child must be an integer")
    if limit <= 0:
        raise ValueError("max_tasks_per_child must be >= 1")
    if forking:
        raise ValueError("max_tasks_per_child is incompatible with the 'fork' "
                         "multiprocessing start method; supply a different "
                         "mp_context.")


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        """Run calls in up to max_workers worker processes (default: the
        number of CPUs)."""
        self._max_workers = _worker_count(max_workers)
        if mp_context is None:
            # Replacing workers mid-run needs a start method other than fork.
            method = None if max_tasks_per_child is None else "spawn"
            mp_context = mp.get_context(method)
        forking = mp_context.get_start_method(allow_none=False) == "fork"
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        _check_tasks_per_child(max_tasks_per_child, forking)
        self._mp_context = mp_context
        # Forked workers copy the parent's threads' locks: start them all
        # before the dispatcher thread exists instead of on demand.
        self._safe_to_spawn_on_demand = not forking
        self._initializer, self._initargs = initializer, initargs
        self._max_tasks_per_child = max_tasks_per_child

        self._dispatcher = None
        self._processes = {}
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._idle_workers = threading.Semaphore(0)
        self._broken = False
        self._next_id = 0
        self._pending = {}
        self._cancel_pending_futures = False
        self._wakeup = _Wakeup()
        self._call_queue = _CallQueue(self._max_workers + EXTRA_QUEUED_CALLS,
                                      ctx=mp_context, pending=self._pending,
                                      shutdown_lock=self._shutdown_lock,
                                      wakeup=self._wakeup)
        # A worker that exits while the feeder writes must not kill it.
        self._call_queue._ignore_epipe = True
        self._result_queue = mp_context.SimpleQueue()
        self._work_ids = queue.Queue()

    def _start_dispatcher(self):
        if self._dispatcher is None:
            if not self._safe_to_spawn_on_demand:
                for _ in range(len(self._processes), self._max_workers):
                    self._spawn_worker()
            self._dispatcher = _Dispatcher(self)
            self._dispatcher.start()
            _dispatchers.live[self._dispatcher] = self._wakeup

    def _adjust_process_count(self):
        if self._idle_workers.acquire(blocking=False):
            return
        if len(self._processes) < self._max_workers:
            self._spawn_worker()

    def _spawn_worker(self):
        p = self._mp_context.Process(
            target=_process_worker,
            args=(self._call_queue, self._result_queue, self._initializer, self._initargs,
                  self._max_tasks_per_child))
        p.start()
        self._processes[p.pid] = p

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            self._check_accepting()
            future = _base.Future()
            work_id, self._next_id = self._next_id, self._next_id + 1
            self._pending[work_id] = _WorkItem(future, fn, args, kwargs)
            self._work_ids.put(work_id)
            self._wakeup.wakeup()
            if self._safe_to_spawn_on_demand:
                self._adjust_process_count()
            self._start_dispatcher()
            return future

    submit.__doc__ = _base.Executor.submit.__doc__

    def _check_accepting(self):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError("cannot schedule new futures after shutdown")
        if _dispatchers.exiting:
            raise RuntimeError("cannot schedule new futures after interpreter shutdown")

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables) run in the workers, chunksize calls per
        message."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(functools.partial(_run_chunk, fn),
                              _chunks(*iterables, chunksize=chunksize), timeout=timeout)
        return _flatten(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            self._cancel_pending_futures = cancel_futures
            if self._wakeup is not None:
                self._wakeup.wakeup()
        if wait:
            # The dispatcher winds the workers up; then nothing writes to
            # the result pipe any more.
            if self._dispatcher is not None:
                self._dispatcher.join()
            if self._result_queue is not None:
                self._result_queue.close()
        # Drop everything, so the executor does not keep them alive.
        self._dispatcher = self._call_queue = self._result_queue = None
        self._processes = self._wakeup = None

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
