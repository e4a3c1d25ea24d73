"""Pool and ThreadPool: a fixed set of workers fed from a task queue.

Layout, in the parent:

    apply_async/map/imap ... --> _taskqueue (queue.SimpleQueue of task batches)
        task handler thread:   batches --> _inqueue (a pipe the workers read)
        workers:               _inqueue --> run func --> _outqueue
        result handler thread: _outqueue --> the job's result object (_cache)
        worker handler thread: replaces workers that exited (maxtasksperchild,
                               or a crash), and starts shutdown after close()

A task is (job, index, func, args, kwargs); map-like calls send chunks of
their input as one task each (func is _run_chunk).  Results come back as
(job, index, (success, value)); a failure carries the exception, with the
worker's formatted traceback attached as its __cause__ (RemoteTraceback),
so the parent shows both.

Shutdown: close() lets queued work finish, then the worker handler asks the
task handler to send one None per worker; terminate() (also __exit__, and
the exit-time finalizer of a pool that was never closed) stops the handler
threads and terminates the workers at once.

The handler threads get what they need as arguments, not the Pool, so a
Pool that a script drops can be collected; _State is the one piece of
mutable state they share with it.
"""

import collections
import itertools
import os
import queue
import threading
import time
import traceback
import types
import warnings

from . import context
from . import util
from .connection import wait

__all__ = ["Pool", "ThreadPool"]

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()

TimeoutError = context.TimeoutError


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


# -- errors crossing the process boundary -----------------------------------------

class RemoteTraceback(Exception):
    """The worker's traceback, as text; the __cause__ of a re-raised error."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """Pickles as the exception with its formatted traceback attached."""

    def __init__(self, exc, tb):
        text = "".join(traceback.format_exception(type(exc), exc, tb))
        self.exc = exc
        self.tb = '\n"""\n%s"""' % text

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """A result (or exception) that could not be pickled back."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (type(self).__name__, self)


def _helper_reraises_exception(ex):
    raise ex


# -- the worker loop ----------------------------------------------------------------

def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    """Run tasks from inqueue until a None task, EOF, or maxtasks tasks."""
    if maxtasks is not None and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    put = outqueue.put
    get = inqueue.get
    if hasattr(inqueue, "_writer"):
        # A worker only reads tasks and only writes results.
        inqueue._writer.close()
        outqueue._reader.close()
    if initializer is not None:
        initializer(*initargs)
    done = 0
    while maxtasks is None or done < maxtasks:
        try:
            task = get()
        except (EOFError, OSError):
            util.debug("worker got EOFError or OSError -- exiting")
            break
        if task is None:
            break
        job, index, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as exc:
            if wrap_exception and func is not _helper_reraises_exception:
                exc = ExceptionWithTraceback(exc, exc.__traceback__)
            result = (False, exc)
        try:
            put((job, index, result))
        except Exception as exc:
            wrapped = MaybeEncodingError(exc, result[1])
            put((job, index, (False, wrapped)))
        task = job = result = func = args = kwds = None
        done += 1


class _JobCache(dict):
    """Outstanding jobs by id.  Emptying it wakes the worker handler, which
    after close() is waiting for exactly that."""

    def __init__(self, notifier):
        super().__init__()
        self.notifier = notifier

    def __delitem__(self, job):
        super().__delitem__(job)
        if not self:
            self.notifier.put(None)


class _State:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class Pool:
    """A pool of worker processes."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context or _default_context()
        self._setup_queues()
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = self._ctx.SimpleQueue()
        self._cache = _JobCache(self._change_notifier)
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        try:
            self._repopulate_pool()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise

        self._run_state = _State(RUN)
        sentinels = self._get_sentinels()
        self._worker_handler = threading.Thread(
            target=Pool._handle_workers,
            args=(self._run_state, self._cache, self._taskqueue, self._ctx, self.Process,
                  self._processes, self._pool, self._inqueue, self._outqueue,
                  self._initializer, self._initargs, self._maxtasksperchild,
                  self._wrap_exception, sentinels, self._change_notifier),
            daemon=True)
        self._worker_handler.start()

        self._task_handler_state = _State(RUN)
        self._task_handler = threading.Thread(
            target=Pool._handle_tasks,
            args=(self._task_handler_state, self._taskqueue, self._quick_put,
                  self._outqueue, self._pool, self._cache),
            daemon=True)
        self._task_handler.start()

        self._result_handler_state = _State(RUN)
        self._result_handler = threading.Thread(
            target=Pool._handle_results,
            args=(self._result_handler_state, self._outqueue, self._quick_get, self._cache),
            daemon=True)
        self._result_handler.start()

        self._terminate = util.Finalize(
            self, self._terminate_pool,
            args=(self._taskqueue, self._inqueue, self._outqueue, self._pool,
                  self._change_notifier, self._run_state, self._worker_handler,
                  self._task_handler_state, self._task_handler,
                  self._result_handler_state, self._result_handler, self._cache),
            exitpriority=15)
        self._state = RUN

    def __del__(self, _warn=warnings.warn, RUN=RUN, _getattr=getattr):
        # Default arguments: this may run while the interpreter tears down.
        if _getattr(self, "_state", None) == RUN:
            _warn(f"unclosed running multiprocessing pool {self!r}", ResourceWarning,
                  source=self)
            notifier = _getattr(self, "_change_notifier", None)
            if notifier is not None:
                notifier.put(None)

    def __repr__(self):
        cls = type(self)
        return (f"<{cls.__module__}.{cls.__qualname__} state={self._state} "
                f"pool_size={len(self._pool)}>")

    # -- workers --

    def _get_sentinels(self):
        return [self._outqueue._reader, self._change_notifier._reader]

    @staticmethod
    def _get_worker_sentinels(workers):
        return [w.sentinel for w in workers if hasattr(w, "sentinel")]

    @staticmethod
    def _join_exited_workers(pool):
        """Reap workers that have exited; True if any had."""
        cleaned = False
        for i in reversed(range(len(pool))):
            w = pool[i]
            if w.exitcode is not None:
                w.join()
                cleaned = True
                del pool[i]
        return cleaned

    def _repopulate_pool(self):
        return self._repopulate_pool_static(
            self._ctx, self.Process, self._processes, self._pool, self._inqueue,
            self._outqueue, self._initializer, self._initargs, self._maxtasksperchild,
            self._wrap_exception)

    @staticmethod
    def _repopulate_pool_static(ctx, Process, processes, pool, inqueue, outqueue,
                                initializer, initargs, maxtasksperchild, wrap_exception):
        for _ in range(processes - len(pool)):
            w = Process(ctx, target=worker,
                        args=(inqueue, outqueue, initializer, initargs, maxtasksperchild,
                              wrap_exception))
            w.name = w.name.replace("Process", "PoolWorker")
            w.daemon = True
            w.start()
            pool.append(w)

    @staticmethod
    def _maintain_pool(ctx, Process, processes, pool, inqueue, outqueue, initializer,
                       initargs, maxtasksperchild, wrap_exception):
        if Pool._join_exited_workers(pool):
            Pool._repopulate_pool_static(ctx, Process, processes, pool, inqueue, outqueue,
                                         initializer, initargs, maxtasksperchild,
                                         wrap_exception)

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()
        self._quick_put = self._inqueue._writer.send
        self._quick_get = self._outqueue._reader.recv

    @staticmethod
    def _wait_for_updates(sentinels, change_notifier, timeout=None):
        wait(sentinels, timeout=timeout)
        while not change_notifier.empty():
            change_notifier.get()

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    # -- the public API --

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """list(map(func, iterable)), computed by the workers."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like map(), with each item unpacked as the arguments."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback,
                               error_callback)

    def _guarded_task_generation(self, result_job, func, iterable):
        # Runs in the task handler thread: an error raised by the script's
        # iterable becomes a task that raises it, for the job to report.
        index = -1
        try:
            for index, x in enumerate(iterable):
                yield (result_job, index, func, (x,), {})
        except Exception as exc:
            yield (result_job, index + 1, _helper_reraises_exception, (exc,), {})

    def imap(self, func, iterable, chunksize=1):
        """Like map(), but lazy: results come in order as they are ready."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap(), but results come in the order they finish."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, result_type, func, iterable, chunksize):
        self._check_running()
        if chunksize == 1:
            result = result_type(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, func, iterable),
                                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        batches = Pool._get_tasks(func, iterable, chunksize)
        result = result_type(self)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapstar, batches),
                             result._set_length))
        return (item for chunk in result for item in chunk)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Start func(*args, **kwds) in a worker; returns an AsyncResult."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Start map(func, iterable); returns an AsyncResult."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, "__len__"):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapper, batches),
                             None))
        return result

    @staticmethod
    def _get_tasks(func, iterable, size):
        it = iter(iterable)
        while True:
            chunk = tuple(itertools.islice(it, size))
            if not chunk:
                return
            yield (func, chunk)

    def __reduce__(self):
        raise NotImplementedError(
            "pool objects cannot be passed between processes or pickled")

    def close(self):
        """No more tasks; workers exit once the queued ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._run_state.value = CLOSE
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
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    # -- the handler threads --

    @classmethod
    def _handle_workers(cls, state, cache, taskqueue, ctx, Process, processes, pool,
                        inqueue, outqueue, initializer, initargs, maxtasksperchild,
                        wrap_exception, sentinels, change_notifier):
        # Keep the pool full while running, and after close() until the
        # queued jobs are done.
        while state.value == RUN or (cache and state.value != TERMINATE):
            cls._maintain_pool(ctx, Process, processes, pool, inqueue, outqueue,
                               initializer, initargs, maxtasksperchild, wrap_exception)
            current = [*cls._get_worker_sentinels(pool), *sentinels]
            cls._wait_for_updates(current, change_notifier)
        # Tell the task handler to finish: it then stops the workers.
        taskqueue.put(None)

    @staticmethod
    def _handle_tasks(state, taskqueue, put, outqueue, pool, cache):
        for taskseq, set_length in iter(taskqueue.get, None):
            task = None
            try:
                for task in taskseq:
                    if state.value != RUN:
                        break
                    try:
                        put(task)
                    except Exception as exc:
                        job, index = task[:2]
                        try:
                            cache[job]._set(index, (False, exc))
                        except KeyError:
                            pass
                else:
                    if set_length:
                        set_length(task[1] + 1 if task else 0)
                    continue
                break
            finally:
                task = taskseq = None
        try:
            # Wake the result handler, then stop each worker.
            outqueue.put(None)
            for _ in pool:
                put(None)
        except OSError:
            pass

    @staticmethod
    def _handle_results(state, outqueue, get, cache):
        while True:
            try:
                task = get()
            except (OSError, EOFError):
                return
            if state.value != RUN:
                break
            if task is None:
                break
            job, index, obj = task
            try:
                cache[job]._set(index, obj)
            except KeyError:
                pass
            task = job = obj = None
        # The task handler has finished: collect what is still outstanding.
        while cache and state.value != TERMINATE:
            try:
                task = get()
            except (OSError, EOFError):
                return
            if task is None:
                continue
            job, index, obj = task
            try:
                cache[job]._set(index, obj)
            except KeyError:
                pass
            task = job = obj = None
        if hasattr(outqueue, "_reader"):
            # Drain what workers may still be writing, so none of them
            # blocks on a full pipe while exiting.
            try:
                for _ in range(10):
                    if not outqueue._reader.poll():
                        break
                    get()
            except (OSError, EOFError):
                pass

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # Empty the task pipe so a task handler blocked writing to it wakes.
        inqueue._rlock.acquire()
        while task_handler.is_alive() and inqueue._reader.poll():
            inqueue._reader.recv()
            time.sleep(0)

    @classmethod
    def _terminate_pool(cls, taskqueue, inqueue, outqueue, pool, change_notifier,
                        run_state, worker_handler, task_handler_state, task_handler,
                        result_handler_state, result_handler, cache):
        # The worker handler must stop before the workers do, or it would
        # start replacements.
        run_state.value = TERMINATE
        task_handler_state.value = TERMINATE
        change_notifier.put(None)
        if threading.current_thread() is not worker_handler:
            worker_handler.join()

        taskqueue.put(None)   # in case the task handler is waiting for work
        cls._help_stuff_finish(inqueue, task_handler, len(pool))
        if not result_handler.is_alive() and len(cache) != 0:
            raise AssertionError("Cannot have cache with result_hander not alive")
        result_handler_state.value = TERMINATE
        change_notifier.put(None)
        outqueue.put(None)   # wakes the result handler

        if pool and hasattr(pool[0], "terminate"):
            for p in pool:
                if p.exitcode is None:
                    p.terminate()
        if threading.current_thread() is not task_handler:
            task_handler.join()
        if threading.current_thread() is not result_handler:
            result_handler.join()
        if pool and hasattr(pool[0], "terminate"):
            for p in pool:
                if p.is_alive():
                    p.join()

    __class_getitem__ = classmethod(types.GenericAlias)


def _default_context():
    return context._default_context.get_context()


# -- results ------------------------------------------------------------------------

class ApplyResult:
    """The pending result of one apply_async()."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._success:
            if self._callback:
                self._callback(self._value)
        elif self._error_callback:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

    __class_getitem__ = classmethod(types.GenericAlias)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The pending result of a map_async(): one entry per chunk."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success:
            if self._success:
                self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
        elif self._success:
            # Keep the first error; the job still waits for every chunk.
            self._success = False
            self._value = result
        if self._number_left == 0:
            if self._success:
                if self._callback:
                    self._callback(self._value)
            elif self._error_callback:
                self._error_callback(self._value)
            del self._cache[self._job]
            self._event.set()
            self._pool = None


class IMapIterator:
    """The results of imap(), in order."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    """The results of imap_unordered(), as they finish."""

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


class ThreadPool(Pool):
    """A Pool whose workers are threads of this process."""

    _wrap_exception = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()
        self._quick_put = self._inqueue.put
        self._quick_get = self._outqueue.get

    def _get_sentinels(self):
        return [self._change_notifier._reader]

    @staticmethod
    def _get_worker_sentinels(workers):
        return []

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # Drop queued tasks, then let each worker see a None.
        try:
            while True:
                inqueue.get(block=False)
        except queue.Empty:
            pass
        for _ in range(size):
            inqueue.put(None)

    @staticmethod
    def _wait_for_updates(sentinels, change_notifier, timeout=None):
        # Threads have no sentinels: the notifier is all there is to wait on,
        # with a bound so that a finished worker (maxtasks) is replaced.
        wait(sentinels, timeout=0.1 if timeout is None else timeout)
        while not change_notifier.empty():
            change_notifier.get()
