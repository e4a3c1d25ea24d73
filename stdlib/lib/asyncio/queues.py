"""Queues between tasks: Queue (FIFO), PriorityQueue, LifoQueue.

get() waits while the queue is empty and put() while it is full
(maxsize > 0). Each side keeps a deque of waiting futures; taking an item
wakes one putter, adding one wakes one getter. A waiter cancelled after it
was woken passes the wake-up on, so none is lost. task_done()/join()
count the items handed out that are not finished yet.
"""

import collections
import heapq
import types

from .errors import CancelledError, QueueEmpty, QueueFull
from .sync import Event, _BoundToLoop

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')


def _wake_one(waiters):
    while waiters:
        waiter = waiters.popleft()
        if not waiter.done():
            waiter.set_result(None)
            return


class Queue(_BoundToLoop):
    """First in, first out; `maxsize` > 0 bounds it."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._queue = self._new_store()
        self._getters = collections.deque()
        self._putters = collections.deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()

    __class_getitem__ = classmethod(types.GenericAlias)

    # How items are kept; PriorityQueue and LifoQueue change these.
    @staticmethod
    def _new_store():
        return collections.deque()

    def _take(self):
        return self._queue.popleft()

    def _add(self, item):
        self._queue.append(item)

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return len(self._queue) == 0

    def full(self):
        return self._maxsize > 0 and len(self._queue) >= self._maxsize

    def put_nowait(self, item):
        if 0 < self._maxsize <= len(self._queue):
            raise QueueFull
        self._add(item)
        self._unfinished_tasks += 1
        self._finished._value = False  # Event.clear(), inline on this hot path
        if self._getters:
            _wake_one(self._getters)

    def get_nowait(self):
        if not self._queue:
            raise QueueEmpty
        item = self._take()
        if self._putters:
            _wake_one(self._putters)
        return item

    async def put(self, item):
        while self._maxsize > 0 and len(self._queue) >= self._maxsize:
            me = self._waiting_loop().create_future()
            self._putters.append(me)
            try:
                await me
            except BaseException:
                self._give_up(me, self._putters, self.full)
                raise
        self.put_nowait(item)

    async def get(self):
        while not self._queue:
            me = self._waiting_loop().create_future()
            self._getters.append(me)
            try:
                await me
            except BaseException:
                self._give_up(me, self._getters, self.empty)
                raise
        return self.get_nowait()

    @staticmethod
    def _give_up(me, waiters, still_blocked):
        """A waiter leaves (cancelled): if it had just been woken, its turn
        passes to the next one."""
        woken = me.done() and not me.cancelled()
        me.cancel()
        if me in waiters:
            waiters.remove(me)
        if woken and not still_blocked():
            _wake_one(waiters)

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if not self._unfinished_tasks:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks:
            await self._finished.wait()

    def _describe(self):
        parts = [f'maxsize={self._maxsize!r}']
        if self._queue:
            parts.append(f'_queue={list(self._queue)!r}')
        for name, waiters in (('_getters', self._getters), ('_putters', self._putters)):
            if waiters:
                parts.append(f'{name}[{len(waiters)}]')
        if self._unfinished_tasks:
            parts.append(f'tasks={self._unfinished_tasks}')
        return ' '.join(parts)

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._describe()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._describe()}>'


class PriorityQueue(Queue):
    """Lowest item first (a heap; use (priority, data) tuples)."""

    _new_store = staticmethod(list)

    def _add(self, item):
        heapq.heappush(self._queue, item)

    def _take(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """Most recently added item first (a stack)."""

    _new_store = staticmethod(list)

    def _add(self, item):
        self._queue.append(item)

    def _take(self):
        return self._queue.pop()


for _cls in (Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull):
    _cls.__module__ = 'asyncio.queues'
del _cls
