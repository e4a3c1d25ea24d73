"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads.

Written for gilt from the documented behaviour of CPython 3.11.

The executor owns a SimpleQueue of jobs and a set of worker threads.
submit() queues a job and then makes sure someone will take it: an idle
worker if there is one (a worker releases _idle_semaphore after each job it
finishes and submit() takes one permit back), else a new worker while there
are fewer than max_workers.  So submitting and waiting in turn keeps reusing
one thread, as CPython 3.8+ does.

None on the queue is a wake-up: a worker that takes it ends if its executor
was shut down or dropped (or the interpreter is exiting), and puts the None
back so that the next worker ends too.  Workers are ordinary (non-daemon)
threads.  At interpreter exit _python_exit, which threading runs before it
joins non-daemon threads, wakes and joins every worker, so work already
submitted still finishes, as in CPython.

The executor refers to its workers; the workers refer to it only weakly, so
an executor dropped without shutdown() wakes its workers (the weak
reference's callback queues a None) and they end.
"""

import itertools
import os
import queue
import threading
import types
import weakref

from . import _base


class _Workers:
    """Every worker thread of every executor, for the exit hook.

    `queues` maps each live worker to the queue it reads; `exiting` is set
    once the interpreter shuts down, after which no executor takes work.
    Both are guarded by `lock`.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.exiting = False
        self.queues = weakref.WeakKeyDictionary()

    def stop_all(self):
        with self.lock:
            self.exiting = True
            known = list(self.queues.items())
        for _, work_queue in known:
            work_queue.put(None)
        for thread, _ in known:
            thread.join()


_workers = _Workers()


def _python_exit():
    _workers.stop_all()


threading._register_atexit(_python_exit)


def _after_fork_in_child():
    # The lock was held across fork() (taken just before it, so no other
    # thread was inside); the child has only the forking thread, so it
    # starts with a fresh one.
    _workers.lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    # Looked up at each fork: a forked child has its own lock object.
    os.register_at_fork(
        before=lambda: _workers.lock.acquire(),
        after_in_parent=lambda: _workers.lock.release(),
        after_in_child=_after_fork_in_child,
    )


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed: the pool takes no more work."""


_BROKEN_MESSAGE = "A thread initializer failed, the thread pool is not usable anymore"


class _WorkItem(object):
    # One submitted call and the future that will hold its outcome.

    __class_getitem__ = classmethod(types.GenericAlias)

    def __init__(self, future, fn, args, kwargs):
        self.future, self.fn = future, fn
        self.args, self.kwargs = args, kwargs

    def run(self):
        future = self.future
        if future.set_running_or_notify_cancel():
            failure = None
            try:
                value = self.fn(*self.args, **self.kwargs)
            except BaseException as exc:
                failure = exc
            if failure is None:
                future.set_result(value)
            else:
                future.set_exception(failure)
                # The traceback holds this frame, the frame `failure`.
                failure = None


def _initialize(executor_ref, initializer, initargs):
    # Runs a worker's initializer; when it fails the failure is logged and
    # the pool broken.  True when the worker may go on to take jobs.
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._log("critical", "Exception in initializer:", exc_info=True)
            executor = executor_ref()
            if executor is not None:
                executor._initializer_failed()
            return False
    return True


def _time_to_stop(executor_ref):
    # Asked by a worker woken by None.
    executor = executor_ref()
    if executor is not None and not executor._shutdown and not _workers.exiting:
        return False
    if executor is not None:
        executor._shutdown = True
    return True


def _worker(executor_ref, work_queue, initializer, initargs):
    if not _initialize(executor_ref, initializer, initargs):
        return
    while True:
        job = work_queue.get(block=True)
        if job is None:
            if _time_to_stop(executor_ref):
                work_queue.put(None)
                return
        else:
            job.run()
            job = None  # free the call's arguments before waiting again
            executor = executor_ref()
            if executor is not None:
                executor._idle_semaphore.release()
            executor = None


def _worker_count(max_workers):
    if max_workers is None:
        # Plenty of threads for I/O-bound work without one per core on a
        # big machine: CPython 3.8+'s default.
        return min(32, (os.cpu_count() or 1) + 4)
    if max_workers > 0:
        return max_workers
    raise ValueError("max_workers must be greater than 0")


class ThreadPoolExecutor(_base.Executor):

    # Numbers the default thread-name prefixes: ThreadPoolExecutor-0, -1, ...
    _counter = itertools.count().__next__
    # What a worker thread runs, and what a failed initializer breaks the
    # pool with: InterpreterPoolExecutor gives each worker an interpreter.
    _worker_main = staticmethod(_worker)
    _broken_error = BrokenThreadPool

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        """A pool of at most `max_workers` threads, started as work arrives.

        Workers are named f"{thread_name_prefix}_{n}"; each runs
        `initializer(*initargs)` before its first call, and a failing
        initializer breaks the pool (BrokenThreadPool).
        """
        self._max_workers = _worker_count(max_workers)
        if not (initializer is None or callable(initializer)):
            raise TypeError("initializer must be a callable")
        self._initializer, self._initargs = initializer, initargs
        if not thread_name_prefix:
            thread_name_prefix = f"ThreadPoolExecutor-{self._counter()}"
        self._thread_name_prefix = thread_name_prefix
        # _lock guards _shutdown, _broken and _threads; the queue and the
        # semaphore are thread-safe themselves.
        self._lock = threading.Lock()
        self._shutdown = self._broken = False
        self._threads = set()
        self._idle_semaphore = threading.Semaphore(0)
        self._work_queue = queue.SimpleQueue()

    def _refuse_work(self):
        # Raises when no more work may be submitted; the locks are held.
        if self._broken:
            raise self._broken_error(self._broken)
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        if _workers.exiting:
            raise RuntimeError("cannot schedule new futures after interpreter shutdown")

    def submit(self, fn, /, *args, **kwargs):
        # Holding _workers.lock too means the exit hook either sees the
        # worker this may start, or this sees that the interpreter exits.
        with self._lock, _workers.lock:
            self._refuse_work()
            future = _base.Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            if not self._idle_semaphore.acquire(timeout=0):
                self._add_worker()
        return future

    submit.__doc__ = _base.Executor.submit.__doc__

    def _add_worker(self):
        # Starts one more worker unless the pool is full; _lock and
        # _workers.lock are held.
        number = len(self._threads)
        if number >= self._max_workers:
            return
        work_queue = self._work_queue

        def wake_worker(_, work_queue=work_queue):
            work_queue.put(None)

        worker = threading.Thread(
            name=f"{self._thread_name_prefix}_{number}",
            target=self._worker_main,
            args=(weakref.ref(self, wake_worker), work_queue, self._initializer, self._initargs),
        )
        worker.start()
        self._threads.add(worker)
        _workers.queues[worker] = work_queue

    def _take_queued(self):
        # Empties the queue: the jobs not started yet (wake-ups dropped).
        jobs = []
        while True:
            try:
                job = self._work_queue.get_nowait()
            except queue.Empty:
                return jobs
            if job is not None:
                jobs.append(job)

    def _initializer_failed(self):
        with self._lock:
            self._broken = _BROKEN_MESSAGE
            for job in self._take_queued():
                if not job.future.cancelled():
                    job.future.set_exception(self._broken_error(_BROKEN_MESSAGE))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
            if cancel_futures:
                for job in self._take_queued():
                    job.future.cancel()
            # One None wakes one worker; each passes it on as it ends.
            self._work_queue.put(None)
            threads = list(self._threads)
        if wait:
            for thread in threads:
                thread.join()

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
