"""Queues between processes: Queue, JoinableQueue and SimpleQueue.

Queue is a pipe plus a feeder thread.  put() appends to an in-process
buffer and returns at once; the feeder thread (started on the first put)
pickles each object and writes it to the pipe under the write lock, so a
full pipe blocks the feeder, never the caller.  get() reads one message
under the read lock.  A bounded semaphore counts the objects put but not yet
got, which is what maxsize, qsize() and full() look at.

When a process that has put objects exits, its feeder is joined first
(priority -5 finalizer) so buffered objects are not lost; a consumer that
never reads them therefore keeps the producer waiting, as in CPython, unless
cancel_join_thread() was called.

SimpleQueue has no buffer and no thread: put() writes directly.
"""

import collections
import errno
import os
import sys
import threading
import time
import weakref
from queue import Empty, Full

from . import connection
from . import context
from .reduction import ForkingPickler
from .util import Finalize, debug, info, is_exiting, register_after_fork

__all__ = ["Queue", "SimpleQueue", "JoinableQueue"]

_STOP = object()


class Queue:
    def __init__(self, maxsize=0, *, ctx):
        from .synchronize import SEM_VALUE_MAX
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._opid = os.getpid()
        self._wlock = ctx.Lock()
        self._sem = ctx.BoundedSemaphore(maxsize)
        self._ignore_epipe = False
        self._reset()
        register_after_fork(self, Queue._after_fork)

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._ignore_epipe, self._maxsize, self._reader, self._writer,
                self._rlock, self._wlock, self._sem, self._opid)

    def __setstate__(self, state):
        (self._ignore_epipe, self._maxsize, self._reader, self._writer,
         self._rlock, self._wlock, self._sem, self._opid) = state
        self._reset()

    def _after_fork(self):
        self._reset(after_fork=True)

    def _reset(self, after_fork=False):
        # After fork the parent's feeder thread is gone and its condition
        # may have been held at the moment of fork: start afresh.
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = collections.deque()
        self._thread = None
        self._jointhread = None
        self._joincancelled = False
        self._closed = False
        self._close = None
        self._send_bytes = self._writer.send_bytes
        self._recv_bytes = self._reader.recv_bytes
        self._poll = self._reader.poll

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                data = self._recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    if not self._poll(max(0.0, deadline - time.monotonic())):
                        raise Empty
                elif not self._poll():
                    raise Empty
                data = self._recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return ForkingPickler.loads(data)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        """No more put() from this process; the feeder flushes and stops."""
        self._closed = True
        close = self._close
        if close:
            self._close = None
            close()

    def join_thread(self):
        """Wait for the feeder to write everything out (after close())."""
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        """Do not wait for the feeder when this process exits (buffered
        objects may be lost)."""
        self._joincancelled = True
        try:
            self._jointhread.cancel()
        except AttributeError:
            pass

    def _start_thread(self):
        self._thread = threading.Thread(
            target=Queue._feed,
            args=(self._buffer, self._notempty, self._send_bytes, self._wlock,
                  self._reader.close, self._writer.close, self._ignore_epipe,
                  self._on_queue_feeder_error, self._sem),
            name="QueueFeederThread", daemon=True)
        try:
            self._thread.start()
        except:
            self._thread = None
            raise
        if not self._joincancelled:
            self._jointhread = Finalize(self._thread, Queue._finalize_join,
                                        [weakref.ref(self._thread)], exitpriority=-5)
        self._close = Finalize(self, Queue._finalize_close,
                               [self._buffer, self._notempty], exitpriority=10)

    @staticmethod
    def _finalize_join(twr):
        thread = twr()
        if thread is not None:
            thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_STOP)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, send_bytes, writelock, reader_close, writer_close,
              ignore_epipe, onerror, queue_sem):
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                batch = list(buffer)
                buffer.clear()
            for obj in batch:
                if obj is _STOP:
                    reader_close()
                    writer_close()
                    return
                try:
                    data = ForkingPickler.dumps(obj)
                    with writelock:
                        send_bytes(data)
                except Exception as exc:
                    if ignore_epipe and getattr(exc, "errno", 0) == errno.EPIPE:
                        return
                    if is_exiting():
                        info("error in queue thread: %s", exc)
                        return
                    queue_sem.release()
                    onerror(exc, obj)

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        """Called in the feeder thread when obj cannot be sent; prints the
        traceback by default."""
        import traceback
        traceback.print_exc()

    def __repr__(self):
        return "<%s.%s object at %#x>" % (type(self).__module__, type(self).__qualname__,
                                          id(self))

    __class_getitem__ = classmethod(lambda cls, item: __import__("types").GenericAlias(cls, item))


class JoinableQueue(Queue):
    def __init__(self, maxsize=0, *, ctx):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = ctx.Semaphore(0)
        self._cond = ctx.Condition()

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond, self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError("task_done() called too many times")
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue:
    def __init__(self, *, ctx):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._wlock = ctx.Lock()
        self._poll = self._reader.poll

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._reader, self._writer, self._rlock, self._wlock)

    def __setstate__(self, state):
        (self._reader, self._writer, self._rlock, self._wlock) = state
        self._poll = self._reader.poll

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return ForkingPickler.loads(data)

    def put(self, obj):
        data = ForkingPickler.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    __class_getitem__ = classmethod(lambda cls, item: __import__("types").GenericAlias(cls, item))
