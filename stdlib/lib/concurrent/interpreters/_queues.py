"""Queues that carry objects between interpreters (PEP 734's Queue).

Written for gilt.  The items live in the native _interpreters module as
copies: shareable objects as themselves, anything else pickled by
_crossinterp.pack() and rebuilt by the interpreter that gets it.  put() and
get() wait with the GIL released, so other threads and interpreters go on.
Queue(id) for the same id is the same object within one interpreter.
"""

import queue

import _interpreters
from _interpreters import InterpreterError

from . import _crossinterp

__all__ = ["create", "Queue", "QueueError", "QueueEmpty", "QueueFull"]


class QueueError(InterpreterError):
    """A cross-interpreter queue failed."""


class QueueEmpty(QueueError, queue.Empty):
    """Raised by get() and get_nowait() when the queue stays empty."""


class QueueFull(QueueError, queue.Full):
    """Raised by put() and put_nowait() when the queue stays full."""


def create(maxsize=0):
    """A new queue holding at most maxsize items (no bound if <= 0)."""
    if not isinstance(maxsize, int):
        raise TypeError(f"maxsize must be an int, got {maxsize!r}")
    return Queue(_interpreters.queue_create(maxsize))


def _timeout(block, timeout):
    if not block:
        return 0
    if timeout is not None and timeout < 0:
        raise ValueError("timeout value must be non-negative")
    return timeout


class Queue(_crossinterp.Numbered):
    """A FIFO queue shared by every interpreter of the process."""

    def __new__(cls, id, /):
        def setup(self):
            _interpreters.queue_size(id)  # raises if there is no such queue

        return cls._for_id(id, setup)

    @property
    def maxsize(self):
        return _interpreters.queue_maxsize(self._id)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        maxsize = self.maxsize
        return maxsize > 0 and self.qsize() >= maxsize

    def qsize(self):
        return _interpreters.queue_size(self._id)

    def put(self, obj, block=True, timeout=None):
        """Add a copy of obj, waiting for room up to timeout seconds."""
        wait = _timeout(block, timeout)
        if not _interpreters.queue_put(self._id, _crossinterp.pack(obj), wait):
            raise QueueFull("queue is full")

    def put_nowait(self, obj):
        self.put(obj, block=False)

    def get(self, block=True, timeout=None):
        """Remove and return the oldest item, waiting up to timeout seconds."""
        wait = _timeout(block, timeout)
        found, packed = _interpreters.queue_get(self._id, wait)
        if not found:
            raise QueueEmpty("queue is empty")
        return _crossinterp.unpack(packed)

    def get_nowait(self):
        return self.get(block=False)
