"""Locks, semaphores, conditions, events and barriers shared between
processes.

Each is built on _multiprocessing.SemLock, a POSIX named semaphore: a
forked child sees the same kernel object, and a spawned child re-opens it
by name when it unpickles the lock (which is allowed only while the child
is being started: assert_spawning).  Under fork the name is removed at once
(the semaphore lives as long as some process has it open); under spawn it is
removed when the creating process exits.

Condition is the classic construction from three counting semaphores
(sleepers, woken, and the one sleepers block on), since a process-shared
condition variable cannot be built from a lock alone.  Event and Barrier are
built on Condition.
"""

import os
import threading
import time

import _multiprocessing

from . import context
from . import process
from . import util

__all__ = ["Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event",
           "Barrier"]

RECURSIVE_MUTEX = 0
SEMAPHORE = 1
SEM_VALUE_MAX = _multiprocessing.SemLock.SEM_VALUE_MAX if hasattr(
    _multiprocessing.SemLock, "SEM_VALUE_MAX") else _multiprocessing.SEM_VALUE_MAX

def _semaphore_name():
    prefix = process.current_process()._config.get("semprefix", "/mp")
    return "%s-%d-%s" % (prefix, os.getpid(), os.urandom(4).hex())


def _new_semlock(kind, value, maxvalue, unlink_now):
    # Names are random; a clash with a live semaphore just means another try.
    for _ in range(100):
        try:
            return _multiprocessing.SemLock(kind, value, maxvalue,
                                            _semaphore_name(), unlink_now)
        except FileExistsError:
            pass
    raise FileExistsError("cannot find name for semaphore")


def _unlink_quietly(name):
    try:
        _multiprocessing.sem_unlink(name)
    except OSError:
        pass


def _probe(query, fallback="unknown"):
    """query(), or fallback when the semaphore cannot be asked (closed,
    or gone with its creator): repr() must never raise."""
    try:
        return query()
    except Exception:
        return fallback


class _Forwarding:
    """acquire(), release() and the with-statement of an object that wraps
    another lock-like object (returned by _inner())."""

    def _bind(self):
        # Bound once, not looked up per call: these are hot.
        inner = self._inner()
        self.acquire, self.release = inner.acquire, inner.release

    def __enter__(self):
        return self._inner().__enter__()

    def __exit__(self, *exc_info):
        return self._inner().__exit__(*exc_info)


_FORK_SEMLOCK_TO_SPAWN = (
    "A SemLock created in a fork context is being shared with a process in a "
    "spawn context. This is not supported. Please use the same context to "
    "create multiprocessing objects and Process.")


class SemLock(_Forwarding):
    """Base of the semaphore-backed primitives."""

    def __init__(self, kind, value, maxvalue, *, ctx):
        ctx = ctx or context._default_context.get_context()
        # Under fork every child inherits the open semaphore, so its name
        # can go at once; spawned children re-open it by name.
        unlink_now = ctx.get_start_method() == "fork"
        self._semlock = _new_semlock(kind, value, maxvalue, unlink_now)
        self._unlinked = unlink_now
        self._bind()
        util.register_after_fork(self, SemLock._after_fork)
        if not unlink_now:
            util.Finalize(None, _unlink_quietly, (self._semlock.name,), exitpriority=0)

    def _inner(self):
        return self._semlock

    def _after_fork(self):
        self._semlock._after_fork()

    def __getstate__(self):
        context.assert_spawning(self)
        if self._unlinked:
            raise RuntimeError(_FORK_SEMLOCK_TO_SPAWN)
        lock = self._semlock
        return (lock.handle, lock.kind, lock.maxvalue, lock.name)

    def __setstate__(self, state):
        self._unlinked = False
        self._semlock = _multiprocessing.SemLock._rebuild(*state)
        self._bind()


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx):
        super().__init__(SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._semlock._get_value()

    def _repr_fields(self):
        return "value=%s" % _probe(self._semlock._get_value)

    def __repr__(self):
        return "<%s(%s)>" % (type(self).__name__, self._repr_fields())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx):
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def _repr_fields(self):
        return "%s, maxvalue=%s" % (super()._repr_fields(), self._semlock.maxvalue)


def _owner_name():
    name = process.current_process().name
    thread = threading.current_thread()
    if thread.name != "MainThread":
        name += "|" + thread.name
    return name


def _holder(semlock):
    """Who holds a mutex-like semaphore, as Lock and RLock reprs say it."""
    if semlock._is_mine():
        return _owner_name()
    if semlock._get_value() == 1:
        return "None"
    return "SomeOtherThread" if semlock._count() > 0 else "SomeOtherProcess"


class Lock(SemLock):
    def __init__(self, *, ctx):
        super().__init__(SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        owner = _probe(lambda: _holder(self._semlock))
        return "<%s(owner=%s)>" % (type(self).__name__, owner)


class RLock(SemLock):
    def __init__(self, *, ctx):
        super().__init__(RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def _owner_and_count(self):
        owner = _holder(self._semlock)
        if self._semlock._is_mine():
            return owner, self._semlock._count()
        return owner, (0 if owner == "None" else "nonzero")

    def __repr__(self):
        owner, count = _probe(self._owner_and_count, ("unknown", "unknown"))
        return "<%s(%s, %s)>" % (type(self).__name__, owner, count)


class Condition(_Forwarding):
    """A condition variable usable from several processes."""

    def __init__(self, lock=None, *, ctx):
        self._lock = lock or ctx.RLock()
        self._sleepers = ctx.Semaphore(0)   # one unit per waiter that went to sleep
        self._woken = ctx.Semaphore(0)      # one unit per waiter that woke up
        self._wakeup = ctx.Semaphore(0)     # what waiters block on
        self._bind()

    def _inner(self):
        return self._lock

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._lock, self._sleepers, self._woken, self._wakeup)

    def __setstate__(self, state):
        self._lock, self._sleepers, self._woken, self._wakeup = state
        self._bind()

    def _waiting(self):
        return self._sleepers.get_value() - self._woken.get_value()

    def __repr__(self):
        return "<%s(%s, %s)>" % (type(self).__name__, self._lock, _probe(self._waiting))

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), \
            "must acquire() condition before using wait()"
        self._sleepers.release()
        # Give the lock up completely (an RLock may be held several times)
        # and take it back as many times afterwards.
        depth = self._lock._semlock._count()
        for _ in range(depth):
            self._lock.release()
        try:
            return self._wakeup.acquire(True, timeout)
        finally:
            self._woken.release()
            for _ in range(depth):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), "lock is not owned"
        assert not self._wakeup.acquire(False)
        # Waiters that timed out left a unit in both counters: cancel them.
        while self._woken.acquire(False):
            assert self._sleepers.acquire(False)
        woken = 0
        while woken < n and self._sleepers.acquire(False):
            self._wakeup.release()
            woken += 1
        if woken:
            for _ in range(woken):
                self._woken.acquire()
            # A waiter that timed out at the same moment did not consume
            # its wakeup; take those back.
            while self._wakeup.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        deadline = None if timeout is None else time.monotonic() + timeout
        while not result:
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self.wait(remaining)
            else:
                self.wait()
            result = predicate()
        return result


class Event:
    """An event flag usable from several processes."""

    def __init__(self, *, ctx):
        self._cond = ctx.Condition(ctx.Lock())
        self._flag = ctx.Semaphore(0)

    def _peek(self):
        if self._flag.acquire(False):
            self._flag.release()
            return True
        return False

    def is_set(self):
        with self._cond:
            return self._peek()

    def _lower(self):
        # The flag is a semaphore of value 0 or 1; taking without blocking
        # brings it to 0 whichever it was.
        self._flag.acquire(False)

    def set(self):
        with self._cond:
            self._lower()
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._lower()

    def wait(self, timeout=None):
        with self._cond:
            if self._peek():
                return True
            self._cond.wait(timeout)
            return self._peek()

    def __repr__(self):
        state = "set" if self.is_set() else "unset"
        return "<%s at %#x %s>" % (type(self).__qualname__, id(self), state)


class Barrier(threading.Barrier):
    """threading.Barrier's logic over state kept in shared memory."""

    _FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2

    def __init__(self, parties, action=None, timeout=None, *, ctx):
        from .sharedctypes import RawArray
        shared = RawArray("i", 2)
        self.__setstate__((parties, action, timeout, ctx.Condition(), shared))

    def __setstate__(self, state):
        (self._parties, self._action, self._timeout, self._cond, self._shared) = state

    def __getstate__(self):
        return (self._parties, self._action, self._timeout, self._cond, self._shared)

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._shared[0] == 0:
            return self._shared[1]
        return 0

    @property
    def broken(self):
        return self._shared[0] == self._BROKEN

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._shared[1]
            self._shared[1] = index + 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._shared[1] -= 1
                self._exit()

    def _enter(self):
        while self._shared[0] in (self._DRAINING, self._RESETTING):
            self._cond.wait()
        if self._shared[0] < 0:
            raise threading.BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._shared[0] = self._DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._shared[0] != self._FILLING, timeout):
            self._break()
            raise threading.BrokenBarrierError
        if self._shared[0] < 0:
            raise threading.BrokenBarrierError

    def _exit(self):
        if self._shared[1] == 0:
            if self._shared[0] in (self._RESETTING, self._DRAINING):
                self._shared[0] = self._FILLING
                self._cond.notify_all()

    def _break(self):
        self._shared[0] = self._BROKEN
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._shared[1] > 0:
                if self._shared[0] == self._FILLING:
                    self._shared[0] = self._RESETTING
                elif self._shared[0] == self._BROKEN:
                    self._shared[0] = self._RESETTING
            else:
                self._shared[0] = self._FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def __repr__(self):
        if self.broken:
            return "<%s.%s object at %#x: broken>" % (
                type(self).__module__, type(self).__qualname__, id(self))
        return "<%s.%s object at %#x: waiters=%d/%d>" % (
            type(self).__module__, type(self).__qualname__, id(self),
            self.n_waiting, self.parties)
