"""Queues for handing items from thread to thread.

Queue (first in, first out), LifoQueue and PriorityQueue can be bounded
and count unfinished tasks (task_done() and join()); SimpleQueue is an
unbounded FIFO without task counting.  Empty and Full are what the
non-blocking and timed calls raise.
"""

import threading
from _collections import deque
from heapq import heappush, heappop
from time import monotonic as _now

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'


# What SimpleQueue._take() returns when there is no item (None is an item).
_NOTHING = object()


def _held_lock():
    lock = threading.Lock()
    lock.acquire()
    return lock


def _refuse_negative(timeout):
    raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A FIFO queue shared by producer and consumer threads; maxsize > 0
    bounds it (put() then waits for room).

    One lock, `mutex`, guards the items and the task count.  Three
    conditions share it: not_empty (getters wait on it), not_full (putters
    of a bounded queue) and all_tasks_done (join()).  Subclasses change the
    storage by overriding _init, _qsize, _put and _get, which are always
    called with the mutex held.
    """

    def __init__(self, maxsize=0):
        mutex = threading.Lock()
        self.mutex = mutex
        self.not_empty = threading.Condition(mutex)
        self.not_full = threading.Condition(mutex)
        self.all_tasks_done = threading.Condition(mutex)
        self.unfinished_tasks = 0
        self.maxsize = maxsize
        self._init(maxsize)

    # The hot paths below take `self.mutex` directly (the conditions' lock:
    # a native `with`, no Python frame) and skip notify() when nobody
    # waits, which is what notify() would do anyway with the lock held.

    def put(self, item, block=True, timeout=None):
        """Add item.  A full bounded queue makes put() wait: for ever, for
        timeout seconds (then Full), or not at all when block is false."""
        with self.mutex:
            if self.maxsize > 0:
                self._make_room(block, timeout)
            self._put(item)
            self.unfinished_tasks += 1
            if self.not_empty._waiters:
                self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting while the queue is
        empty: for ever, for timeout seconds (then Empty), or not at all
        when block is false."""
        if block and timeout is not None and timeout < 0:
            _refuse_negative(timeout)
        with self.mutex:
            if not self._qsize():
                if not block:
                    raise Empty
                self._sleep_until(self.not_empty, self._qsize, timeout, Empty)
            item = self._get()
            if self.not_full._waiters:
                self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item) without waiting: Full if there is no room."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get() without waiting: Empty if there is no item."""
        return self.get(block=False)

    def _make_room(self, block, timeout):
        if block and timeout is not None and timeout < 0:
            _refuse_negative(timeout)
        if self._qsize() < self.maxsize:
            return
        if not block:
            raise Full
        self._sleep_until(self.not_full, self._has_room, timeout, Full)

    def _has_room(self):
        return self._qsize() < self.maxsize

    def _sleep_until(self, cond, ready, timeout, timeout_error):
        # Called with the mutex held and ready() just found false.  Raises
        # timeout_error if ready() is still false after timeout seconds.
        if timeout is None:
            cond.wait()
            while not ready():
                cond.wait()
            return
        deadline = _now() + timeout
        while True:
            left = deadline - _now()
            if left <= 0.0:
                raise timeout_error
            cond.wait(left)
            if ready():
                return

    def task_done(self):
        """Mark one item fetched by get() as fully processed; when none is
        left, join() returns.  Raises ValueError if called more times than
        items were put."""
        with self.mutex:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks = left
            if left == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        """Block until every item put has been marked by task_done()."""
        with self.mutex:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """Return the approximate number of items (others may change it)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Return True if the queue is empty (a hint, as for qsize())."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Return True if a bounded queue is at its size limit (a hint)."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    # The storage: `self.queue`, a deque appended on the right and taken
    # from the left.  Subclasses that keep a list reuse _qsize.
    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def _qsize(self):
        return len(self.queue)

    def _init(self, maxsize):
        self.queue = deque()


class LifoQueue(Queue):
    """A Queue that returns the most recently added item first."""

    def _get(self):
        return self.queue.pop()  # _put appends: the newest is last

    def _init(self, maxsize):
        self.queue = []


class PriorityQueue(Queue):
    """A Queue that returns the smallest item first (a heap); entries are
    typically (priority, data) tuples."""

    def _put(self, entry):
        heappush(self.queue, entry)

    def _get(self):
        return heappop(self.queue)

    def _init(self, maxsize):
        self.queue = []


class SimpleQueue:
    """An unbounded FIFO queue: put() never blocks, and there is no task
    counting.

    No lock guards it.  Under the GIL each deque operation is atomic, and
    every step that could interleave is written to tolerate it:

    - A getter that finds no item queues a private lock, already held, in
      _sleepers, then looks for an item once more before sleeping on that
      lock; so a put() between its first look and its queuing is not missed.
    - put() appends the item, then dequeues one sleeper's lock and releases
      it.  The woken getter (or one that found the item in its second look)
      may lose the item to another getter: it then queues itself again.
    - A getter that stops waiting (timeout, exception) takes its lock out
      of _sleepers.  If a put() dequeued it first, that wake-up was meant
      for it: it takes an item if one is there, and the lock, which that
      put() releases, is never queued again.
    """

    def __init__(self):
        self._items = deque()
        self._sleepers = deque()

    def put(self, item, block=True, timeout=None):
        """Put the item on the queue.

        The optional 'block' and 'timeout' arguments are ignored, as this method
        never blocks.  They are provided for compatibility with the Queue class.
        """
        self._items.append(item)
        if self._sleepers:
            self._wake_one()

    def _wake_one(self):
        try:
            sleeper = self._sleepers.popleft()
        except IndexError:
            return  # another put() woke the last sleeper
        sleeper.release()

    def put_nowait(self, item):
        """Put an item without blocking (the same as put(item))."""
        self.put(item, block=False)

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting while the queue is empty: for
        ever, for timeout seconds (then Empty), or not at all when block is
        false."""
        if block and timeout is not None and timeout < 0:
            _refuse_negative(timeout)
        try:
            return self._items.popleft()
        except IndexError:
            pass
        if not block:
            raise Empty
        return self._wait_for_item(None if timeout is None else _now() + timeout)

    def _wait_for_item(self, deadline):
        ticket = _held_lock()
        while True:
            self._sleepers.append(ticket)
            woken = timed_out = False
            try:
                if not self._items:  # the second look
                    woken = self._sleep(ticket, deadline)
                    timed_out = not woken
            finally:
                # Not woken: leave the queue.  If a put() dequeued the
                # ticket meanwhile, it will release it: use a new one.
                if not woken and not self._withdraw(ticket):
                    ticket = _held_lock()
            item = self._take()
            if item is not _NOTHING:
                return item
            if timed_out:
                raise Empty

    def _take(self):
        try:
            return self._items.popleft()
        except IndexError:
            return _NOTHING

    def _sleep(self, ticket, deadline):
        # True when a put() released the ticket (which is then held again);
        # False when the deadline passed first.
        if deadline is None:
            return ticket.acquire()
        left = deadline - _now()
        return left > 0 and ticket.acquire(True, left)

    def _withdraw(self, ticket):
        # True if the ticket was still queued, i.e. no put() woke us.
        try:
            self._sleepers.remove(ticket)
        except ValueError:
            return False
        return True

    def get_nowait(self):
        """Remove and return an item if one is there at once, else raise
        Empty (the same as get(False))."""
        return self.get(False)

    def empty(self):
        """Return True if the queue is empty (a hint, as for qsize())."""
        return not self._items

    def qsize(self):
        """Return the approximate number of items in the queue."""
        return len(self._items)
