"""Pool and ThreadPool: a fixed set of workers fed from a task queue.

How work flows, in the parent process:

    apply_async/map/imap ... --> task queue (queue.SimpleQueue of task batches)
        task feeder thread:    batches --> inqueue (a pipe the workers read)
        workers:               inqueue --> call func --> outqueue
        result collector:      outqueue --> the job's result object (the cache)
        worker keeper thread:  replaces workers that exited (maxtasksperchild,
                               or a crash), and starts shutdown after close()

A task is (job, index, func, args, kwargs); map-like calls send each chunk
of their input as one task (func is mapstar or starmapstar).  A result comes
back as (job, index, (success, value)); a failure carries the exception with
the worker's formatted traceback attached as its __cause__
(RemoteTraceback), so the parent shows both.

The three threads never see the Pool object: everything they touch lives in
a _Plumbing object, so a Pool a script drops can still be collected (and
its finalizer run).  The plumbing's three phase fields are the only state
the threads share with the Pool; each moves RUN -> CLOSE/TERMINATE, never
back.

Shutdown: close() lets queued work finish; the keeper then asks the feeder
to send one None per worker.  terminate() (also __exit__, and the exit-time
finalizer of a pool never closed) stops the threads and kills the workers
at once.
"""

import os
import time
import types
import queue
import warnings
import threading
import itertools
from _collections import deque

from . import util
from . import context
from .connection import wait

__all__ = ["Pool", "ThreadPool"]

# Pool states, as repr() shows them.
INIT, RUN, CLOSE, TERMINATE = "INIT", "RUN", "CLOSE", "TERMINATE"

job_counter = itertools.count()

TimeoutError = context.TimeoutError


def mapstar(args):
    func, chunk = args
    return list(map(func, chunk))


def starmapstar(args):
    func, chunk = args
    return list(itertools.starmap(func, chunk))


# -- errors crossing the process boundary -----------------------------------

class RemoteTraceback(Exception):
    """The worker's traceback, as text; the __cause__ of a re-raised error."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class ExceptionWithTraceback:
    """Pickles as the exception with its formatted traceback attached."""

    def __init__(self, exc, tb):
        self.exc = exc
        import traceback  # only when a task failed
        lines = traceback.format_exception(type(exc), exc, tb)
        self.tb = '\n"""\n%s"""' % "".join(lines)

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


class MaybeEncodingError(Exception):
    """A result (or exception) that could not be pickled back."""

    def __init__(self, exc, value):
        self.exc, self.value = repr(exc), repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (type(self).__name__, self)


def _helper_reraises_exception(ex):
    # The task that stands for an error raised by the caller's iterable.
    raise ex


# -- the worker loop ----------------------------------------------------------

def _call(func, args, kwds, wrap_exception):
    """(True, value) or (False, exception) for one task."""
    try:
        return True, func(*args, **kwds)
    except Exception as exc:
        if wrap_exception and func is not _helper_reraises_exception:
            exc = ExceptionWithTraceback(exc, exc.__traceback__)
        return False, exc


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    """Run tasks from inqueue until a None task, EOF, or maxtasks tasks."""
    if maxtasks is not None and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    if hasattr(inqueue, "_writer"):
        # A worker only reads tasks and only writes results: closing the
        # other ends lets EOF be seen when the parent goes away.
        inqueue._writer.close()
        outqueue._reader.close()
    if initializer is not None:
        initializer(*initargs)
    budget = itertools.repeat(None) if maxtasks is None else range(maxtasks)
    for _ in budget:
        try:
            task = inqueue.get()
        except (EOFError, OSError):
            util.debug("worker got EOFError or OSError -- exiting")
            return
        if task is None:
            return
        job, index, func, args, kwds = task
        outcome = _call(func, args, kwds, wrap_exception)
        try:
            outqueue.put((job, index, outcome))
        except Exception as exc:
            outqueue.put((job, index, (False, MaybeEncodingError(exc, outcome[1]))))
        # Drop references now, not when the next task arrives.
        task = func = args = kwds = outcome = None


class _JobCache(dict):
    """Outstanding jobs by id.  Emptying it wakes the worker keeper, which
    after close() is waiting for exactly that."""

    def __init__(self, notifier):
        super().__init__()
        self.notifier = notifier

    def __delitem__(self, job):
        super().__delitem__(job)
        if not self:
            self.notifier.put(None)


# -- what the pool's threads share ------------------------------------------

class _Plumbing:
    """The queues, workers and phases of one process pool, and the loops of
    its three threads.  ThreadPool's variant is _ThreadPlumbing."""

    def __init__(self, ctx, make_process, size, worker_args):
        self.ctx, self.make_process, self.size = ctx, make_process, size
        self.worker_args = worker_args      # (initializer, initargs, maxtasks, wrap)
        self.workers = []
        self.tasks = queue.SimpleQueue()    # batches from the Pool's methods
        self.notifier = ctx.SimpleQueue()   # "something changed": wakes the keeper
        self.cache = _JobCache(self.notifier)
        self.open_queues()
        # Phases: the keeper's, the feeder's and the collector's.
        self.phase = self.feed_phase = self.collect_phase = RUN

    def open_queues(self):
        self.inqueue, self.outqueue = self.ctx.SimpleQueue(), self.ctx.SimpleQueue()
        self.put = self.inqueue._writer.send
        self.get = self.outqueue._reader.recv

    # -- workers --------------------------------------------------------------

    def fill(self):
        while len(self.workers) < self.size:
            proc = self.make_process(self.ctx, target=worker,
                                     args=(self.inqueue, self.outqueue, *self.worker_args))
            proc.name = proc.name.replace("Process", "PoolWorker")
            proc.daemon = True
            proc.start()
            self.workers.append(proc)

    def reap(self):
        """Join and forget the workers that exited; True if there were any."""
        gone = [proc for proc in self.workers if proc.exitcode is not None]
        for proc in gone:
            proc.join()
            self.workers.remove(proc)
        return bool(gone)

    def sentinels(self):
        own = [self.outqueue._reader, self.notifier._reader]
        return [proc.sentinel for proc in self.workers if hasattr(proc, "sentinel")] + own

    def wait_for_change(self):
        wait(self.sentinels())
        self.forget_notifications()

    def forget_notifications(self):
        while not self.notifier.empty():
            self.notifier.get()

    def unblock_feeder(self, feeder):
        # Empty the task pipe so a feeder blocked writing to it wakes; the
        # read lock stays taken so no worker picks up anything more.  A
        # worker may hold that lock for good: one started after Ctrl-C,
        # waiting on a pipe whose next message a dying worker half read.
        # Then workers are reading anyway, so the feeder cannot stay
        # blocked, and terminating the workers is what is left to do.
        if not self.inqueue._rlock.acquire(True, 1.0):
            return
        while feeder.is_alive() and self.inqueue._reader.poll():
            self.inqueue._reader.recv()
            time.sleep(0)

    def stop_workers(self):
        if not self.workers or not hasattr(self.workers[0], "terminate"):
            return
        for proc in self.workers:
            if proc.exitcode is None:
                proc.terminate()

    def join_workers(self):
        if not self.workers or not hasattr(self.workers[0], "terminate"):
            return
        for proc in self.workers:
            if proc.is_alive():
                proc.join()

    # -- the worker keeper thread --------------------------------------------

    def keep_workers(self):
        # Keep the pool full while running, and after close() until the
        # queued jobs are done.
        while self.phase == RUN or (self.cache and self.phase != TERMINATE):
            if self.reap():
                self.fill()
            self.wait_for_change()
        # Tell the feeder to finish: it then stops the workers.
        self.tasks.put(None)

    # -- the task feeder thread ----------------------------------------------

    def feed_tasks(self):
        for batch, set_length in iter(self.tasks.get, None):
            if not self.feed_batch(batch, set_length):
                break
            batch = set_length = None
        try:
            # Wake the collector, then let each worker read a None.
            self.outqueue.put(None)
            for _ in self.workers:
                self.put(None)
        except OSError:
            pass

    def feed_batch(self, batch, set_length):
        """Send one batch; False when the pool stopped meanwhile."""
        sent = 0
        for task in batch:
            if self.feed_phase != RUN:
                return False
            try:
                self.put(task)
            except Exception as exc:
                self.deliver((task[0], task[1], (False, exc)))
            sent = task[1] + 1
        if set_length:
            set_length(sent)
        return True

    # -- the result collector thread ----------------------------------------

    def deliver(self, message):
        job, index, outcome = message
        target = self.cache.get(job)
        if target is not None:
            target._set(index, outcome)

    def collect_results(self):
        try:
            while self.collect_phase == RUN:
                message = self.get()
                if message is None or self.collect_phase != RUN:
                    break
                self.deliver(message)
            # The feeder has finished: collect what is still outstanding.
            while self.cache and self.collect_phase != TERMINATE:
                message = self.get()
                if message is not None:
                    self.deliver(message)
            self.drain_results()
        except (OSError, EOFError):
            return

    def drain_results(self):
        # Read what workers may still be writing, so none of them blocks on
        # a full pipe while exiting.
        for _ in range(10):
            if not self.outqueue._reader.poll():
                break
            self.get()


class _ThreadPlumbing(_Plumbing):
    """The same, with threads for workers and in-process queues."""

    def open_queues(self):
        self.inqueue, self.outqueue = queue.SimpleQueue(), queue.SimpleQueue()
        self.put, self.get = self.inqueue.put, self.outqueue.get

    def sentinels(self):
        return [self.notifier._reader]

    def wait_for_change(self):
        # Threads have no sentinels: wait on the notifier, with a bound so
        # that a worker that ended (maxtasks) is replaced.
        wait(self.sentinels(), timeout=0.1)
        self.forget_notifications()

    def unblock_feeder(self, feeder):
        # Drop queued tasks, then let each worker see a None.
        while True:
            try:
                self.inqueue.get(block=False)
            except queue.Empty:
                break
        for _ in range(len(self.workers)):
            self.inqueue.put(None)

    def drain_results(self):
        pass


def _shut_down(plumbing, keeper, feeder, collector):
    """terminate(): stop the threads, then the workers.  Also the exit-time
    finalizer of a pool that nobody closed."""
    me = threading.current_thread()
    # The keeper must stop before the workers do, or it would replace them.
    plumbing.phase = plumbing.feed_phase = TERMINATE
    plumbing.notifier.put(None)
    if me is not keeper:
        keeper.join()
    plumbing.tasks.put(None)   # in case the feeder waits for work
    plumbing.unblock_feeder(feeder)
    if plumbing.cache and not collector.is_alive():
        raise AssertionError("Cannot have cache with result_hander not alive")
    plumbing.collect_phase = TERMINATE
    plumbing.notifier.put(None)
    plumbing.outqueue.put(None)   # wakes the collector
    plumbing.stop_workers()
    for thread in (feeder, collector):
        if me is not thread:
            thread.join()
    plumbing.join_workers()


# -- the pool -----------------------------------------------------------------

def _default_context():
    return context._default_context.get_context()


def _chunked(func, iterable, size):
    """(func, chunk) pairs over iterable, chunk tuples of up to size items."""
    items = iter(iterable)
    for chunk in iter(lambda: tuple(itertools.islice(items, size)), ()):
        yield func, chunk


def _tasks_for(job, func, argument_source):
    """One task per item, for the feeder thread.  An error raised by the
    script's iterable becomes one more task that raises it, so the job
    reports it instead of the feeder dying."""
    position = 0
    try:
        for item in argument_source:
            yield job, position, func, (item,), {}
            position += 1
    except Exception as exc:
        yield job, position, _helper_reraises_exception, (exc,), {}


def _pool_size(processes):
    size = os.cpu_count() or 1 if processes is None else processes
    if size < 1:
        raise ValueError("Number of processes must be at least 1")
    return size


def _check_worker_options(maxtasksperchild, initializer):
    if maxtasksperchild is not None and (
            not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0):
        raise ValueError("maxtasksperchild must be a positive int or None")
    if initializer is not None and not callable(initializer):
        raise TypeError("initializer must be a callable")


class Pool:
    """A pool of worker processes."""

    __class_getitem__ = classmethod(types.GenericAlias)

    _wrap_exception = True
    _plumbing_class = _Plumbing

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._state = INIT
        self._pool = []
        ctx = context or _default_context()
        plumbing = self._plumbing_class(
            ctx, self.Process, 0,
            (initializer, initargs, maxtasksperchild, self._wrap_exception))
        self._plumbing, self._ctx = plumbing, ctx
        self._pool, self._cache = plumbing.workers, plumbing.cache
        self._change_notifier = plumbing.notifier
        plumbing.size = self._processes = _pool_size(processes)
        _check_worker_options(maxtasksperchild, initializer)
        self._start_workers()
        threads = [threading.Thread(target=loop, daemon=True) for loop in
                   (plumbing.keep_workers, plumbing.feed_tasks, plumbing.collect_results)]
        for thread in threads:
            thread.start()
        self._worker_handler, self._task_handler, self._result_handler = threads
        self._terminate = util.Finalize(self, _shut_down, args=(plumbing, *threads),
                                        exitpriority=15)
        self._state = RUN

    def _start_workers(self):
        try:
            self._plumbing.fill()
        except Exception:
            # Do not leave the workers that did start behind.
            self._plumbing.stop_workers()
            for proc in self._pool:
                proc.join()
            raise

    def __del__(self, _warn=warnings.warn, RUN=RUN, _getattr=getattr):
        # Default arguments: this may run while the interpreter tears down.
        if _getattr(self, "_state", None) != RUN:
            return
        _warn(f"unclosed running multiprocessing pool {self!r}", ResourceWarning,
              source=self)
        notifier = _getattr(self, "_change_notifier", None)
        if notifier is not None:
            notifier.put(None)

    def __repr__(self):
        cls = type(self)
        return (f"<{cls.__module__}.{cls.__qualname__} state={self._state} "
                f"pool_size={len(self._pool)}>")

    def __reduce__(self):
        raise NotImplementedError(
            "pool objects cannot be passed between processes or pickled")

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, tasks, set_length=None):
        self._plumbing.tasks.put((tasks, set_length))

    # -- the public API --------------------------------------------------------

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Start func(*args, **kwds) in a worker; returns an AsyncResult."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit([(result._job, 0, func, args, kwds)])
        return result

    def map(self, func, iterable, chunksize=None):
        """list(map(func, iterable)), computed by the workers."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Start map(func, iterable); returns an AsyncResult."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        """Like map(), with each item unpacked as the arguments."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback,
                               error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        items = iterable if hasattr(iterable, "__len__") else list(iterable)
        count = len(items)
        if count == 0:
            chunksize = 0
        elif chunksize is None:
            # About four chunks per worker, rounded up.
            chunksize = -(-count // (len(self._pool) * 4))
        result = MapResult(self, chunksize, count, callback,
                           error_callback=error_callback)
        self._submit(_tasks_for(result._job, mapper, _chunked(func, items, chunksize)))
        return result

    def imap(self, func, iterable, chunksize=1):
        """Like map(), but lazy: results come in order as they are ready."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap(), but results come in the order they finish."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, result_type, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = result_type(self)
        if chunksize == 1:
            self._submit(_tasks_for(result._job, func, iterable), result._set_length)
            return result
        self._submit(_tasks_for(result._job, mapstar, _chunked(func, iterable, chunksize)),
                     result._set_length)
        return (item for chunk in result for item in chunk)

    def close(self):
        """No more tasks; workers exit once the queued ones are done."""
        if self._state != RUN:
            return
        self._state = self._plumbing.phase = CLOSE
        self._change_notifier.put(None)

    def terminate(self):
        """Stop the workers now, abandoning outstanding work."""
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Wait for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        if self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for thread in (self._worker_handler, self._task_handler, self._result_handler):
            thread.join()
        for proc in self._pool:
            proc.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ThreadPool(Pool):
    """A Pool whose workers are threads of this process."""

    _wrap_exception = False
    _plumbing_class = _ThreadPlumbing

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        super().__init__(processes, initializer, initargs)


# -- results --------------------------------------------------------------------

class _Job:
    """A job registered in its pool's cache until its last result arrives.
    _set(index, (success, value)) is called by the result collector."""

    def __init__(self, pool):
        self._pool = pool
        self._cache = pool._cache
        self._job = next(job_counter)
        self._cache[self._job] = self

    def _retire(self):
        # No longer outstanding: the pool may finish, and need not be kept.
        del self._cache[self._job]
        self._pool = None


class ApplyResult(_Job):
    """The pending result of one apply_async().

    _outcome is None until the result is in, then (success, value)."""

    __class_getitem__ = classmethod(types.GenericAlias)

    def __init__(self, pool, callback, error_callback):
        super().__init__(pool)
        self._event = threading.Event()
        self._callback, self._error_callback = callback, error_callback
        self._outcome = None

    @property
    def _success(self):
        return self._outcome[0]

    @property
    def _value(self):
        return self._outcome[1]

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if self.ready():
            return self._success
        raise ValueError("{0!r} not ready".format(self))

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        success, value = self._outcome
        if not success:
            raise value
        return value

    def _complete(self, outcome):
        """Record the final outcome, run the matching callback, wake waiters."""
        self._outcome = outcome
        success, value = outcome
        hook = self._callback if success else self._error_callback
        if hook:
            hook(value)
        self._event.set()
        self._retire()

    def _set(self, i, obj):
        self._complete(obj)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The pending result of a map_async(): one entry per chunk."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        super().__init__(pool, callback, error_callback=error_callback)
        self._chunksize = chunksize
        self._collected = [None] * length
        self._first_error = None
        if chunksize <= 0:
            # Nothing to compute: done already.
            self._number_left = 0
            self._outcome = (True, self._collected)
            self._event.set()
            self._retire()
        else:
            self._number_left = -(-length // chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, part = success_result
        if not success:
            # Keep the first error; the job still waits for every chunk.
            if self._first_error is None:
                self._first_error = (False, part)
        elif self._first_error is None:
            start = i * self._chunksize
            self._collected[start:start + self._chunksize] = part
        if self._number_left == 0:
            self._complete(self._first_error or (True, self._collected))


class IMapIterator(_Job):
    """The results of imap(), in order."""

    def __init__(self, pool):
        super().__init__(pool)
        self._cond = threading.Condition(threading.Lock())
        self._items = deque()   # (success, value) ready to hand out
        self._index = 0                      # how many results have arrived
        self._length = None                  # total, once the feeder knows it
        self._unsorted = {}                  # early results, by index

    def __iter__(self):
        return self

    def _take(self):
        """The next ready item, or None; StopIteration when all were taken."""
        if self._items:
            return self._items.popleft()
        if self._index == self._length:
            self._pool = None
            raise StopIteration
        return None

    def next(self, timeout=None):
        with self._cond:
            item = self._take()
            if item is None:
                self._cond.wait(timeout)
                item = self._take()
            if item is None:
                raise TimeoutError
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _finished(self):
        return self._index == self._length

    def _accept(self, i, obj):
        if i != self._index:
            self._unsorted[i] = obj
            return
        self._items.append(obj)
        self._index += 1
        while self._index in self._unsorted:
            self._items.append(self._unsorted.pop(self._index))
            self._index += 1
        self._cond.notify()

    def _set(self, i, obj):
        with self._cond:
            self._accept(i, obj)
            if self._finished():
                self._retire()

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._finished():
                self._cond.notify()
                self._retire()


class IMapUnorderedIterator(IMapIterator):
    """The results of imap_unordered(), as they finish."""

    def _accept(self, i, obj):
        self._items.append(obj)
        self._index += 1
        self._cond.notify()
