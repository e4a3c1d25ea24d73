"""Synchronisation between tasks of one loop: Lock, Event, Condition,
Semaphore, BoundedSemaphore, Barrier (CPython's asyncio.locks).

Each primitive keeps a deque of futures, one per waiting task, and wakes a
waiter by completing its future. A waiter cancelled while it waits removes
itself; when it had been chosen just before the cancellation, it hands its
turn on so no wake-up is lost. The primitives bind to the loop that first
waits on them.
"""

import collections
import enum

from .errors import BrokenBarrierError, CancelledError
from .loop import _get_running_loop

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier')


class _BoundToLoop:
    _loop = None

    def _waiting_loop(self):
        loop = self._loop
        if loop is not None and loop is _get_running_loop():
            return loop
        return self._get_loop()

    def _get_loop(self):
        loop = _get_running_loop()
        if loop is None:
            raise RuntimeError('no running event loop')
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


def _describe(obj, status):
    cls = type(obj)
    return f'<{cls.__module__}.{cls.__qualname__} object at {id(obj):#x} [{status}]>'


def _waiting(waiters):
    return f',waiters:{len(waiters)}' if waiters else ''


class _ContextLock:
    """`async with x:` acquires x and releases it on the way out."""

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _WaitLine:
    """The queue of waiting tasks Lock and Semaphore share."""

    async def _wait_turn(self):
        if self._waiters is None:
            self._waiters = collections.deque()
        me = self._get_loop().create_future()
        self._waiters.append(me)
        try:
            try:
                await me
            finally:
                self._waiters.remove(me)
        except CancelledError:
            self._left_line(me)
            raise


class Lock(_ContextLock, _WaitLine, _BoundToLoop):
    """A mutex for tasks: acquire() waits while another task holds it."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        status = 'locked' if self._locked else 'unlocked'
        return _describe(self, status + _waiting(self._waiters))

    def locked(self):
        return self._locked

    def _free_for_me(self):
        if self._locked:
            return False
        return not self._waiters or all(w.cancelled() for w in self._waiters)

    async def acquire(self):
        if not self._free_for_me():
            await self._wait_turn()
        self._locked = True
        return True

    def _left_line(self, me):
        if not self._locked:
            self._wake_first()

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        self._wake_first()

    def _wake_first(self):
        if self._waiters:
            first = self._waiters[0]
            if not first.done():
                first.set_result(True)


class Event(_BoundToLoop):
    """A flag tasks can wait for."""

    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def __repr__(self):
        return _describe(self, ('set' if self._value else 'unset') + _waiting(self._waiters))

    def is_set(self):
        return self._value

    def set(self):
        if self._value:
            return
        self._value = True
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        me = self._get_loop().create_future()
        self._waiters.append(me)
        try:
            await me
            return True
        finally:
            self._waiters.remove(me)


class Condition(_ContextLock, _BoundToLoop):
    """Waiting for a notification while holding a lock."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = collections.deque()

    def __repr__(self):
        status = 'locked' if self.locked() else 'unlocked'
        return _describe(self, status + _waiting(self._waiters))

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            me = self._get_loop().create_future()
            self._waiters.append(me)
            try:
                await me
                return True
            finally:
                self._waiters.remove(me)
        finally:
            interrupted = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    interrupted = True
            if interrupted:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for waiter in self._waiters:
            if woken >= n:
                break
            if not waiter.done():
                woken += 1
                waiter.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextLock, _WaitLine, _BoundToLoop):
    """A counter of free slots; acquire() waits while there is none."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None
        self._value = value

    def __repr__(self):
        status = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        return _describe(self, status + _waiting(self._waiters))

    def locked(self):
        if self._value == 0:
            return True
        return any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        await self._wait_turn()
        if self._value > 0:
            self._wake_next()
        return True

    def _left_line(self, me):
        if not me.cancelled():
            # Chosen by release() just before the cancellation: give the
            # slot back and pass the turn on.
            self._value += 1
            self._wake_next()

    def release(self):
        self._value += 1
        self._wake_next()

    def _wake_next(self):
        for waiter in self._waiters or ():
            if not waiter.done():
                self._value -= 1
                waiter.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class _BarrierPhase(enum.Enum):
    FILLING = 'filling'
    DRAINING = 'draining'
    RESETTING = 'resetting'
    BROKEN = 'broken'


class Barrier(_BoundToLoop):
    """Lets `parties` tasks wait until all of them have arrived.

    Arrivals fill the barrier; the last one switches it to draining, which
    lets all of them go; when the last has left, it fills again. reset()
    and abort() break the waiters out with BrokenBarrierError.
    """

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._phase = _BarrierPhase.FILLING
        self._count = 0

    def __repr__(self):
        extra = f'[{self._phase.value}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return _describe(self, extra[1:])

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *exc_info):
        pass

    async def wait(self):
        cond = self._cond
        async with cond:
            await cond.wait_for(lambda: self._phase not in (_BarrierPhase.DRAINING,
                                                            _BarrierPhase.RESETTING))
            if self._phase is _BarrierPhase.BROKEN:
                raise BrokenBarrierError('Barrier aborted')
            index = self._count
            self._count += 1
            try:
                if self._count == self._parties:
                    self._phase = _BarrierPhase.DRAINING
                    cond.notify_all()
                else:
                    await cond.wait_for(lambda: self._phase is not _BarrierPhase.FILLING)
                    if self._phase in (_BarrierPhase.BROKEN, _BarrierPhase.RESETTING):
                        raise BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                self._count -= 1
                if self._count == 0 and self._phase in (_BarrierPhase.RESETTING,
                                                        _BarrierPhase.DRAINING):
                    self._phase = _BarrierPhase.FILLING
                    cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._phase is not _BarrierPhase.RESETTING:
                    self._phase = _BarrierPhase.RESETTING
            else:
                self._phase = _BarrierPhase.FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._phase = _BarrierPhase.BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._phase is _BarrierPhase.FILLING else 0

    @property
    def broken(self):
        return self._phase is _BarrierPhase.BROKEN


for _cls in (Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier):
    _cls.__module__ = 'asyncio.locks'
del _cls
