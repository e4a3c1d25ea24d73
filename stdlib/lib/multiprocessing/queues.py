"""Queues between processes: Queue, JoinableQueue and SimpleQueue.

A Queue is a one-way pipe, two locks and a counting semaphore, plus a
_Feeder: put() only appends to the feeder's in-process buffer and returns;
the feeder's thread (started by the first put) pickles what is buffered
and writes the batch to the pipe at once while holding the write lock, so a full pipe stalls
the feeder, never the caller.  get() reads one message while holding the
read lock.  The bounded semaphore counts objects put but not yet got: it is
what maxsize, qsize() and full() look at.

Exit ordering matters.  A process that has put objects joins its feeder
when it exits (a finalizer of priority -5), so buffered objects reach the
pipe; a consumer that never reads them therefore keeps the producer waiting,
as in CPython, unless cancel_join_thread() was called.  Closing the queue
(or collecting it) posts a sentinel that makes the feeder flush and stop.

SimpleQueue has neither buffer nor thread: put() writes to the pipe itself.
"""

import os
import time
import errno
import types
import weakref
import threading
from _collections import deque
from queue import Empty, Full

from _multiprocessing import send_frames as _send_frames

from . import context
from . import connection
from .reduction import ForkingPickler
from .util import Finalize, info, is_exiting, register_after_fork

__all__ = ["Queue", "SimpleQueue", "JoinableQueue"]

# Posted into a feeder's buffer to make its thread close the pipe and end.
_STOP = object()


def _alias(cls, item):
    return types.GenericAlias(cls, item)


def _closed_error(queue):
    return ValueError(f"Queue {queue!r} is closed")


class _Feeder:
    """The buffer of one Queue and the daemon thread that drains it into the
    pipe.

    The thread and the finalizers reach the queue's pipe, locks and
    semaphore directly, never through the queue object, so that a queue
    nobody refers to can be collected (and its closer run)."""

    def __init__(self):
        self.cond = threading.Condition(threading.Lock())
        self.pending = deque()
        self.thread = None
        self.joiner = None      # Finalize that joins the thread at exit
        self.closer = None      # Finalize that posts _STOP
        self.join_cancelled = False

    def add(self, queue, obj):
        with self.cond:
            if self.thread is None:
                self.start(queue)
            self.pending.append(obj)
            self.cond.notify()

    def start(self, queue):
        pipe = (queue._writer, queue._wlock, queue._sem,
                (queue._reader.close, queue._writer.close))
        worker = threading.Thread(
            target=_Feeder.run, name="QueueFeederThread", daemon=True,
            args=(self.pending, self.cond, pipe, queue._ignore_epipe,
                  queue._on_queue_feeder_error))
        worker.start()
        self.thread = worker
        if not self.join_cancelled:
            self.joiner = Finalize(worker, _Feeder.join_at_exit,
                                   [weakref.ref(worker)], exitpriority=-5)
        queue._close = self.closer = Finalize(
            queue, _Feeder.post_stop, [self.pending, self.cond], exitpriority=10)

    def cancel_join(self):
        self.join_cancelled = True
        if self.joiner is not None:
            self.joiner.cancel()

    @staticmethod
    def join_at_exit(thread_ref):
        worker = thread_ref()
        if worker is not None:
            worker.join()

    @staticmethod
    def post_stop(pending, cond):
        with cond:
            pending.append(_STOP)
            cond.notify()

    @staticmethod
    def run(pending, cond, pipe, ignore_epipe, onerror):
        """The feeder thread: take everything buffered, pickle it, and write
        the whole batch to the pipe at once; repeat."""
        writer, write_lock, counter, closers = pipe
        out = _Batch(writer, write_lock, counter, ignore_epipe, onerror)
        while True:
            with cond:
                while not pending:
                    cond.wait()
                batch = list(pending)
                pending.clear()
            for obj in batch:
                if obj is _STOP:
                    out.flush()
                    for close in closers:
                        close()
                    return
                try:
                    payload = ForkingPickler.dumps(obj)
                except Exception as exc:
                    # Those before it go first, so the error comes in order.
                    if not (out.flush() and out.failed(exc, [obj])):
                        return
                    continue
                if not out.add(payload, obj):
                    return
            if not out.flush():
                return


class _Batch:
    """The pickles a feeder has made and not yet written."""

    LIMIT = 1 << 18  # bytes buffered before a write even mid-batch

    def __init__(self, writer, write_lock, counter, ignore_epipe, onerror):
        self.writer, self.write_lock, self.counter = writer, write_lock, counter
        self.ignore_epipe, self.onerror = ignore_epipe, onerror
        self.payloads, self.objects, self.size = [], [], 0

    def add(self, payload, obj):
        self.payloads.append(payload)
        self.objects.append(obj)
        self.size += len(payload)
        return self.size < self.LIMIT or self.flush()

    def flush(self):
        """Write what is buffered; False when the thread should end quietly."""
        if not self.payloads:
            return True
        payloads, objects = self.payloads, self.objects
        self.payloads, self.objects, self.size = [], [], 0
        try:
            with self.write_lock:
                _send_frames(self.writer.fileno(), payloads)
            return True
        except Exception as exc:
            return self.failed(exc, objects)

    def failed(self, exc, objects):
        """objects never reached the pipe because of exc; False when the
        thread should end quietly."""
        # A reader that went away is expected when the owner said so.
        if self.ignore_epipe and getattr(exc, "errno", 0) == errno.EPIPE:
            return False
        if is_exiting():
            info("error in queue thread: %s", exc)
            return False
        for obj in objects:
            # Give its slot back.
            self.counter.release()
            self.onerror(exc, obj)
        return True


class Queue:
    """A FIFO queue usable from several processes."""

    def __init__(self, maxsize=0, *, ctx):
        from .synchronize import SEM_VALUE_MAX
        self._maxsize = maxsize if maxsize > 0 else SEM_VALUE_MAX
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock, self._wlock = ctx.Lock(), ctx.Lock()
        self._sem = ctx.BoundedSemaphore(self._maxsize)
        self._opid = os.getpid()
        self._ignore_epipe = False
        self._reset()
        register_after_fork(self, Queue._after_fork)

    # -- pickling: only while spawning a child ------------------------------

    _PICKLED = ("_ignore_epipe", "_maxsize", "_reader", "_writer",
                "_rlock", "_wlock", "_sem", "_opid")

    def __getstate__(self):
        context.assert_spawning(self)
        return {name: getattr(self, name) for name in self._PICKLED}

    def __setstate__(self, state):
        vars(self).update(state)
        self._reset()

    def _after_fork(self):
        self._reset()

    def _reset(self):
        # A fresh feeder: after fork the parent's feeder thread does not
        # exist here, and its condition may have been held at fork time.
        self._feeder = _Feeder()
        self._closed = False
        self._close = None

    # -- the queue API ------------------------------------------------------

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise _closed_error(self)
        if not self._sem.acquire(block, timeout):
            raise Full
        self._enqueue(obj)

    def _enqueue(self, obj):
        self._feeder.add(self, obj)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise _closed_error(self)
        if block and timeout is None:
            with self._rlock:
                payload = self._reader.recv_bytes()
        else:
            payload = self._get_within(block, timeout)
        self._sem.release()
        return ForkingPickler.loads(payload)

    def _get_within(self, block, timeout):
        """One message, waiting at most `timeout` (or not at all)."""
        deadline = time.monotonic() + timeout if block else None
        if not self._rlock.acquire(block, timeout):
            raise Empty
        try:
            left = max(0.0, deadline - time.monotonic()) if block else 0.0
            if not self._reader.poll(left):
                raise Empty
            return self._reader.recv_bytes()
        finally:
            self._rlock.release()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def close(self):
        """No more put() from this process; the feeder flushes and stops."""
        self._closed = True
        closer, self._close = self._close, None
        if closer:
            closer()

    def join_thread(self):
        """Wait for the feeder to write everything out (after close())."""
        assert self._closed, "Queue {0!r} not closed".format(self)
        joiner = self._feeder.joiner
        if joiner:
            joiner()

    def cancel_join_thread(self):
        """Do not wait for the feeder when this process exits (buffered
        objects may be lost)."""
        self._feeder.cancel_join()

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        """Called in the feeder thread when obj cannot be sent; prints the
        traceback by default."""
        import traceback
        traceback.print_exc()

    def __repr__(self):
        cls = type(self)
        return "<%s.%s object at %#x>" % (cls.__module__, cls.__qualname__, id(self))


class JoinableQueue(Queue):
    """A Queue that also counts unfinished tasks, for task_done()/join()."""

    def __init__(self, maxsize=0, *, ctx):
        super().__init__(maxsize, ctx=ctx)
        self._cond = ctx.Condition()
        self._unfinished_tasks = ctx.Semaphore(0)

    def __getstate__(self):
        state = super().__getstate__()
        state["_cond"] = self._cond
        state["_unfinished_tasks"] = self._unfinished_tasks
        return state

    def _enqueue(self, obj):
        # Counted under the condition, so join() never sees the object
        # buffered but not yet counted.
        with self._cond:
            self._unfinished_tasks.release()
            super()._enqueue(obj)

    def _no_task_left(self):
        return self._unfinished_tasks._semlock._is_zero()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError("task_done() called too many times")
            if self._no_task_left():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._no_task_left():
                self._cond.wait()


class SimpleQueue:
    """A pipe with a lock at each end: no buffer, no thread, no size."""

    __class_getitem__ = classmethod(_alias)

    def __init__(self, *, ctx):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock, self._wlock = ctx.Lock(), ctx.Lock()

    def __getstate__(self):
        context.assert_spawning(self)
        return self._reader, self._writer, self._rlock, self._wlock

    def __setstate__(self, state):
        self._reader, self._writer, self._rlock, self._wlock = state

    def put(self, obj):
        payload = ForkingPickler.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(payload)

    def get(self):
        with self._rlock:
            payload = self._reader.recv_bytes()
        return ForkingPickler.loads(payload)

    def empty(self):
        return not self._reader.poll()

    def close(self):
        for end in (self._reader, self._writer):
            end.close()
