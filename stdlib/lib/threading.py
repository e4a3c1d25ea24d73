"""Threads and the synchronisation objects built on them.

Provides Thread (and Timer), the registry behind current_thread(),
enumerate() and active_count(), Condition, Event, Semaphore,
BoundedSemaphore, Barrier, thread-local data (local) and excepthook.

Everything here stands on the native _thread module: OS threads, plain
locks, RLock and idents.  Two native facts shape the design:

- A plain lock may be released by any thread.  Condition.wait() relies on
  it: each waiter sleeps on a lock of its own, taken before it sleeps, and
  notify() releases it from the notifying thread.
- _thread._set_sentinel() gives a thread a lock that the runtime releases
  only after the thread has finished and dropped its references.  A thread
  holds its sentinel while it lives, so join() is a single blocking acquire
  (which lets go of the GIL) and is_alive() a non-blocking one.
"""

import _thread
import sys as _sys
from _collections import deque as _deque
from time import monotonic as _now

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _thread.allocate_lock
_new_lock = _thread.allocate_lock
_PlainLock = _thread.LockType


def RLock(*args, **kwargs):
    """Return a new reentrant lock: the thread holding it may take it again,
    and must release it as many times as it acquired it."""
    return _thread.RLock(*args, **kwargs)


def _deprecated(old_name, advice):
    # The camelCase aliases still work but warn, as CPython 3.10+ does; the
    # import is deferred so that using the current names costs nothing.
    import warnings
    warnings.warn(f"{old_name}() is deprecated, {advice}",
                  DeprecationWarning, stacklevel=3)


# ---------------------------------------------------------------------------
# Trace and profile hooks.  They are stored and handed back, but gilt has no
# sys.settrace, so threads never install them.

_hooks = {'trace': None, 'profile': None}


def settrace(func):
    """Set the trace function for threads started from now on."""
    _hooks['trace'] = func


def gettrace():
    """Return the function given to settrace(), or None."""
    return _hooks['trace']


def setprofile(func):
    """Set the profile function for threads started from now on."""
    _hooks['profile'] = func


def getprofile():
    """Return the function given to setprofile(), or None."""
    return _hooks['profile']


# ---------------------------------------------------------------------------
# Condition variables

class Condition:
    """A condition variable: wait() until another thread notify()s.

    The condition is tied to a lock (a new RLock unless one is given) that
    must be held around wait() and notify().  Each waiter queues a private
    lock, already held, and sleeps trying to take it again; notify(n)
    releases the n oldest.  A waiter that gives up (timeout, exception)
    takes its lock out of the queue itself.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        # The lock's own methods, so `cond.acquire()` costs no extra call.
        self.acquire, self.release = lock.acquire, lock.release
        self._lock = lock
        # Waiters' private locks, oldest first.  Only touched with _lock held.
        self._waiters = _deque()
        self._pick_lock_protocol(lock)

    def _pick_lock_protocol(self, lock):
        # How to tell "is the lock held", and how to let go of it during a
        # wait and get it back.  An RLock does both natively (dropping every
        # recursion level at once); a plain lock is held when it is locked().
        if type(lock) is _PlainLock:
            self._is_owned = lock.locked
            self._release_save = lock.release
            return
        for hook in ('_is_owned', '_release_save', '_acquire_restore'):
            native = getattr(lock, hook, None)
            if native is not None:
                setattr(self, hook, native)

    # Fallbacks for locks of other kinds (used when the lock lacks them).
    def _is_owned(self):
        if not self._lock.acquire(False):
            return True
        self._lock.release()
        return False

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, saved):
        self._lock.acquire()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def wait(self, timeout=None):
        """Release the lock, sleep until notified or until timeout seconds
        pass, then take the lock back.  Returns False on timeout."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        ticket = _new_lock()
        ticket.acquire()
        self._waiters.append(ticket)
        saved = self._release_save()
        woken = False
        try:
            if timeout is None:
                woken = ticket.acquire()
            elif timeout <= 0:
                woken = ticket.acquire(False)  # a poll: never sleeps
            else:
                woken = ticket.acquire(True, timeout)
        finally:
            self._acquire_restore(saved)
            if not woken:
                self._withdraw(ticket)
        return woken

    def _withdraw(self, ticket):
        # A notify() may already have dequeued the ticket (and counted it as
        # a wake-up) after the time ran out: then there is nothing to undo.
        try:
            self._waiters.remove(ticket)
        except ValueError:
            pass

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true, or timeout seconds pass; returns
        the predicate's last value."""
        outcome = predicate()
        if outcome:
            return outcome
        # The first wait gets the whole timeout; later ones what is left.
        if timeout is not None:
            deadline = _now() + timeout
        self.wait(timeout)
        while True:
            outcome = predicate()
            if outcome:
                return outcome
            if timeout is None:
                self.wait()
                continue
            left = deadline - _now()
            if left <= 0:
                return outcome
            self.wait(left)

    def notify(self, n=1):
        """Wake up to n of the threads waiting on this condition."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        queued = self._waiters
        while n > 0 and queued:
            queued.popleft().release()
            n -= 1

    def notify_all(self):
        """Wake every thread waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        _deprecated('notifyAll', 'use notify_all() instead')
        self.notify_all()


# ---------------------------------------------------------------------------
# Event, semaphores, barrier: small state machines guarded by a Condition
# over a plain lock.  They take that lock with `with self._mutex:` (native
# enter/exit) rather than through the Condition, which would add a Python
# call per use.

def _typed_repr(obj, detail):
    cls = type(obj)
    return f"<{cls.__module__}.{cls.__qualname__} at {id(obj):#x}: {detail}>"


class Event:
    """A flag that threads can wait for: set() wakes all waiters, and
    clear() makes later wait() calls block again."""

    def __init__(self):
        self._mutex = Lock()
        self._cond = Condition(self._mutex)
        self._flag = False

    def __repr__(self):
        return _typed_repr(self, 'set' if self._flag else 'unset')

    def is_set(self):
        """Return True if the flag is set."""
        return self._flag

    def isSet(self):
        _deprecated('isSet', 'use is_set() instead')
        return self._flag

    def set(self):
        """Set the flag and wake every waiting thread."""
        with self._mutex:
            self._flag = True
            if self._cond._waiters:
                self._cond.notify_all()

    def clear(self):
        """Reset the flag: wait() blocks until the next set()."""
        with self._mutex:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is set or timeout seconds pass; return the
        flag (so False means the wait timed out)."""
        with self._mutex:
            if self._flag:
                return True
            return self._cond.wait(timeout)


class Semaphore:
    """A counter of available permits: acquire() takes one (waiting while
    there are none), release() gives some back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._mutex = Lock()
        self._cond = Condition(self._mutex)
        self._value = value

    def __repr__(self):
        return _typed_repr(self, f"value={self._value}")

    def acquire(self, blocking=True, timeout=None):
        """Take a permit.  Returns False if none came: at once when not
        blocking, or after timeout seconds."""
        if timeout is not None and not blocking:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._mutex:
            if self._value == 0:
                if not blocking or not self._wait_for_permit(timeout):
                    return False
            self._value -= 1
            return True

    def _wait_for_permit(self, timeout):
        deadline = None if timeout is None else _now() + timeout
        while self._value == 0:
            if deadline is None:
                self._cond.wait()
                continue
            left = deadline - _now()
            if left <= 0:
                return False
            self._cond.wait(left)
        return True

    __enter__ = acquire

    def __exit__(self, *exc_info):
        self.release()

    def _check_release(self, n):
        if n < 1:
            raise ValueError('n must be one or more')

    def release(self, n=1):
        """Give back n permits, waking up to n waiting threads."""
        self._check_release(n)
        with self._mutex:
            self._value += n
            self._cond.notify(n)


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to hold more permits than it started with:
    releasing too often is reported as a bug (ValueError)."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        return _typed_repr(self, f"value={self._value}/{self._initial_value}")

    def release(self, n=1):
        self._check_release(n)
        with self._mutex:
            if self._initial_value < self._value + n:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class BrokenBarrierError(RuntimeError):
    pass


# Barrier phases.  A barrier fills until `parties` threads wait, then drains
# (every waiter leaves); a reset() or an abort() while threads wait sends
# them out with BrokenBarrierError.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 'filling', 'draining', 'resetting', 'broken'


class Barrier:
    """Makes a fixed number of threads wait until all of them have arrived;
    then they all proceed, and the barrier can be used again."""

    def __init__(self, parties, action=None, timeout=None):
        self._mutex = Lock()
        self._cond = Condition(self._mutex)
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._phase = _FILLING
        self._inside = 0  # threads currently within wait()

    def __repr__(self):
        if self._phase == _BROKEN:
            return _typed_repr(self, 'broken')
        return _typed_repr(self, f"waiters={self.n_waiting}/{self.parties}")

    @property
    def parties(self):
        """The number of threads needed to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads waiting for the barrier to fill."""
        return self._inside if self._phase == _FILLING else 0

    @property
    def broken(self):
        """True if the barrier was aborted or a wait on it failed."""
        return self._phase == _BROKEN

    def wait(self, timeout=None):
        """Wait for the other parties.  Returns this thread's arrival index
        (0 .. parties-1); raises BrokenBarrierError if the barrier breaks."""
        if timeout is None:
            timeout = self._timeout
        with self._mutex:
            # Threads of the previous round may still be on their way out.
            while self._phase in (_DRAINING, _RESETTING):
                self._cond.wait()
            if self._phase == _BROKEN:
                raise BrokenBarrierError
            arrival = self._inside
            self._inside += 1
            try:
                if arrival + 1 == self._parties:
                    self._trip()
                else:
                    self._await_trip(timeout)
                return arrival
            finally:
                self._leave()

    def _trip(self):
        # The last arrival runs the action; if it fails, nobody passes.
        try:
            if self._action:
                self._action()
        except BaseException:
            self._break()
            raise
        self._phase = _DRAINING
        self._cond.notify_all()

    def _await_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._phase != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._phase != _DRAINING:
            raise BrokenBarrierError

    def _leave(self):
        self._inside -= 1
        if self._inside == 0 and self._phase in (_DRAINING, _RESETTING):
            self._phase = _FILLING  # the last one out reopens the barrier
            self._cond.notify_all()

    def reset(self):
        """Return the barrier to its empty state; threads waiting on it get
        BrokenBarrierError."""
        with self._mutex:
            if self._inside == 0:
                self._phase = _FILLING
            elif self._phase != _DRAINING:
                self._phase = _RESETTING
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: current and future wait() calls fail until
        reset()."""
        with self._mutex:
            self._break()

    def _break(self):
        self._phase = _BROKEN
        self._cond.notify_all()


# ---------------------------------------------------------------------------
# The thread registry.
#
# _running maps the ident of every started, unfinished Thread to its object;
# _starting holds threads between start() and their first step on the new
# OS thread.  Both are guarded by _registry_lock (an RLock: a __repr__
# called under it may look the current thread up again).
#
# _join_at_exit holds the sentinels of live non-daemon threads, guarded by
# _join_at_exit_lock: _shutdown() waits for each before the process exits.

_registry_lock = _thread.RLock()
_running = {}
_starting = {}
_join_at_exit_lock = _new_lock()
_join_at_exit = set()
_exit_callbacks = []  # see _register_atexit
_shutting_down = False

# "Thread-N" and "Dummy-N" share one counter, as in CPython.
_name_counter = 0


def _next_name(template):
    global _name_counter
    _name_counter += 1
    return template % _name_counter


def _default_name(target):
    name = _next_name("Thread-%d")
    try:
        return f"{name} ({target.__name__})"
    except AttributeError:
        return name


def _track_for_exit(sentinel):
    with _join_at_exit_lock:
        # Drop the sentinels of threads that ended without being joined.
        for done in [s for s in _join_at_exit if not s.locked()]:
            _join_at_exit.discard(done)
        _join_at_exit.add(sentinel)


def _untrack_for_exit(sentinel):
    with _join_at_exit_lock:
        _join_at_exit.discard(sentinel)


def _register(thread):
    with _registry_lock:
        _running[thread._ident] = thread


# ---------------------------------------------------------------------------
# Uncaught exceptions in threads

class ExceptHookArgs(tuple):
    """The argument of excepthook: (exc_type, exc_value, exc_traceback,
    thread), a 4-tuple whose items are also attributes."""

    __slots__ = ()
    _fields = ('exc_type', 'exc_value', 'exc_traceback', 'thread')

    def __new__(cls, *args):
        if len(args) != 1:
            raise TypeError(f"structseq() takes at most 2 arguments ({len(args)} given)")
        items = tuple(args[0])
        if len(items) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            f"({len(items)}-sequence given)")
        return tuple.__new__(cls, items)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"_thread._ExceptHookArgs({fields})"


def excepthook(args, /):
    """Report an exception that escaped Thread.run(): "Exception in thread
    NAME:" and the traceback, on sys.stderr.  SystemExit is silent."""
    if args.exc_type == SystemExit:
        return
    stream = _sys.stderr
    if stream is None and args.thread is not None:
        stream = args.thread._stderr  # sys.stderr is gone: use the one at creation
    if stream is None:
        return
    who = get_ident() if args.thread is None else args.thread.name
    print(f"Exception in thread {who}:", file=stream, flush=True)
    _print_traceback(args.exc_type, args.exc_value, args.exc_traceback, stream)
    stream.flush()


__excepthook__ = excepthook


def _print_traceback(exc_type, exc_value, exc_tb, stream):
    # sys.__excepthook__ prints exactly like CPython's traceback module, but
    # only to sys.stderr: point sys.stderr at the chosen stream meanwhile.
    previous = _sys.stderr
    _sys.stderr = stream
    try:
        _sys.__excepthook__(exc_type, exc_value, exc_tb)
    finally:
        _sys.stderr = previous


def _hooks_at_creation():
    # Captured by every Thread: if a hook is later set to None, the thread
    # still has one to fall back on.  As in CPython, None hooks at creation
    # time are refused.
    if excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if _sys.excepthook is None:
        raise RuntimeError("sys.excepthook is None")
    return excepthook, _sys.excepthook


def _report_uncaught(thread):
    # Called inside the `except` that caught run()'s exception.
    thread_hook, sys_hook = thread._fallback_hooks
    try:
        hook = excepthook if excepthook is not None else thread_hook
        hook(ExceptHookArgs((*_sys.exc_info(), thread)))
    except Exception as failure:
        # The hook itself failed: report that failure (not as a consequence
        # of the thread's exception) through sys.excepthook.
        failure.__suppress_context__ = True
        del failure
        stream = _sys.stderr if _sys.stderr is not None else thread._stderr
        print("Exception in threading.excepthook:", file=stream, flush=True)
        fallback = _sys.excepthook if _sys.excepthook is not None else sys_hook
        fallback(*_sys.exc_info())


# ---------------------------------------------------------------------------
# Threads

def _require_init(thread):
    assert thread._initialized, "Thread.__init__() not called"


class Thread:
    """A class that represents a thread of control.

    Pass a callable as target (with args and kwargs), or subclass and
    override run(); start() runs it in a new OS thread.
    """

    # Stays False on instances of subclasses that forgot Thread.__init__().
    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        """Arguments should be passed by keyword: target is called with
        *args and **kwargs by run(); name defaults to "Thread-N (target)";
        daemon defaults to the creating thread's."""
        assert group is None, "group argument must be None for now"
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = str(name) if name else _default_name(target)
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._sentinel = None
        self._started = False
        self._is_stopped = False
        # Released by the new thread once it is registered (see start()).
        self._ready = None
        self._stderr = _sys.stderr
        self._fallback_hooks = _hooks_at_creation()
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        self.is_alive()  # notices a thread that has just ended
        if self._is_stopped:
            state = "stopped"
        else:
            state = "started" if self._started else "initial"
        if self._daemonic:
            state += " daemon"
        if self._ident is not None:
            state += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {state})>"

    def start(self):
        """Run this thread's run() in a new OS thread; returns once the
        thread is registered.  A thread can be started only once."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started or self._ready is not None:
            raise RuntimeError("threads can only be started once")
        self._ready = _new_lock()
        self._ready.acquire()
        with _registry_lock:
            _starting[self] = self
        try:
            _thread.start_new_thread(self._bootstrap, ())
        except Exception:
            with _registry_lock:
                del _starting[self]
            self._ready = None
            raise
        self._ready.acquire()  # blocks until _bootstrap releases it

    def run(self):
        """The thread's activity: by default, call the target."""
        target = self._target
        try:
            if target is not None:
                target(*self._args, **self._kwargs)
        finally:
            # Let go of the arguments at once: one of them may refer back to
            # this Thread and keep it (and itself) alive in a cycle.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # The first Python code on the new OS thread.
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            _thread.set_name(self._name)
            self._hold_sentinel()
            with _registry_lock:
                _running[self._ident] = self
                del _starting[self]
            self._started = True
            self._ready.release()
            try:
                self.run()
            except BaseException:
                _report_uncaught(self)
        finally:
            self._unregister()

    def _hold_sentinel(self):
        # The runtime releases the sentinel after this thread has ended.
        self._sentinel = _thread._set_sentinel()
        self._sentinel.acquire()
        if not self._daemonic:
            _track_for_exit(self._sentinel)

    def _unregister(self):
        ident = get_ident()
        with _registry_lock:
            _running.pop(ident, None)
        if _local_states:
            _forget_thread_locals(ident)

    def _stop(self):
        # Called once the sentinel showed that the thread has finished.
        sentinel = self._sentinel
        self._is_stopped = True
        self._sentinel = None
        if sentinel is not None and not self._daemonic:
            _untrack_for_exit(sentinel)

    def _poll_end(self, block, timeout=-1):
        sentinel = self._sentinel
        if sentinel is None:
            return  # already stopped (or never held one)
        if sentinel.acquire(block, timeout):
            sentinel.release()
            self._stop()

    def join(self, timeout=None):
        """Wait until the thread ends, or until timeout seconds pass (check
        is_alive() afterwards to tell which)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._poll_end(True)
        else:
            self._poll_end(True, max(timeout, 0))

    def is_alive(self):
        """True from the moment start() returns until run() has finished."""
        _require_init(self)
        if self._is_stopped or not self._started:
            return False
        self._poll_end(False)
        return not self._is_stopped

    # Attribute access on a subclass instance whose __init__ forgot to call
    # Thread.__init__ fails with an AssertionError, reads included.

    @property
    def ident(self):
        """The thread's identifier (see get_ident()), or None before start."""
        _require_init(self)
        return self._ident

    @property
    def native_id(self):
        """The OS thread id, or None before start."""
        _require_init(self)
        return self._native_id

    @property
    def daemon(self):
        """Whether the program may exit while this thread still runs."""
        _require_init(self)
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    @property
    def name(self):
        """The thread's name, used only for identification."""
        _require_init(self)
        return self._name

    @name.setter
    def name(self, name):
        _require_init(self)
        self._name = str(name)
        if self._ident is not None and self._ident == get_ident():
            _thread.set_name(self._name)

    def getName(self):
        _deprecated('getName', 'get the name attribute instead')
        return self.name

    def setName(self, name):
        _deprecated('setName', 'set the name attribute instead')
        self.name = name

    def isDaemon(self):
        _deprecated('isDaemon', 'get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated('setDaemon', 'set the daemon attribute instead')
        self.daemon = daemonic


class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after interval seconds,
    unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        fire = not self.finished.wait(self.interval)
        if fire:
            self.function(*self.args, **self.kwargs)
        self.finished.set()  # not reached if the function raised


class _MainThread(Thread):
    # The thread the interpreter started on.  Its sentinel is never released
    # by the runtime: _shutdown() releases it, marking the main thread done.

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._hold_sentinel()
        self._started = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        _register(self)


class _DummyThread(Thread):
    # Stands for a thread started by _thread directly, the first time it
    # asks for current_thread().  It cannot be joined and counts as alive.

    def __init__(self):
        Thread.__init__(self, name=_next_name("Dummy-%d"), daemon=True)
        self._started = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        _register(self)

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---------------------------------------------------------------------------
# Module-level queries

def current_thread():
    """Return the Thread object of the calling thread."""
    try:
        return _running[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    _deprecated('currentThread', 'use current_thread() instead')
    return current_thread()


def enumerate():
    """Return a list of every Thread alive now (started and unfinished),
    including daemonic ones, dummy ones and the main thread."""
    with _registry_lock:
        return [*_running.values(), *_starting.values()]


def active_count():
    """Return the number of Thread objects alive now (len(enumerate()))."""
    with _registry_lock:
        return len(_running) + len(_starting)


def activeCount():
    _deprecated('activeCount', 'use active_count() instead')
    return active_count()


def main_thread():
    """Return the Thread object of the thread the interpreter started on."""
    return _main_thread


def _register_atexit(func, *args, **kwargs):
    # Internal: call func(*args, **kwargs) when the interpreter shuts down,
    # before non-daemon threads are joined (last registered runs first).
    if _shutting_down:
        raise RuntimeError("can't register atexit after shutdown")
    _exit_callbacks.append(lambda: func(*args, **kwargs))


def _shutdown():
    # Called by the host when the main script ends: marks the main thread
    # finished, runs _register_atexit callbacks, then waits for every
    # non-daemon thread, including ones started meanwhile.
    global _shutting_down
    if _main_thread._is_stopped:
        return
    _shutting_down = True
    sentinel = _main_thread._sentinel
    if sentinel.locked():
        sentinel.release()
    _main_thread._stop()
    for callback in reversed(_exit_callbacks):
        callback()
    while True:
        with _join_at_exit_lock:
            pending = list(_join_at_exit)
            _join_at_exit.clear()
        if not pending:
            return
        for sentinel in pending:
            sentinel.acquire()
            sentinel.release()


_main_thread = _MainThread()


def _after_fork():
    # In the child of os.fork() only the thread that forked exists. The
    # registry's locks, which a vanished thread may have held, are made
    # anew, and every other Thread is marked stopped, so that nothing (the
    # join at exit included) waits for threads that are not there.
    global _registry_lock, _join_at_exit_lock
    _registry_lock = _thread.RLock()
    _join_at_exit_lock = _new_lock()
    me = get_ident()
    survivor = _running.get(me)
    for thread in list(_running.values()) + list(_starting.values()):
        if thread is not survivor:
            thread._sentinel = None
            thread._is_stopped = True
    _running.clear()
    _starting.clear()
    _join_at_exit.clear()
    if survivor is not None:
        _running[me] = survivor


try:
    import posix as _posix
    _posix.register_at_fork(after_in_child=_after_fork)
except ImportError:
    pass


# ---------------------------------------------------------------------------
# Thread-local data.
#
# A local object keeps one attribute dict per thread.  The dicts cannot live
# on the object (its __dict__ is what gets swapped), so each object's
# bookkeeping is a _LocalState in _local_states, by id().  Every attribute
# access first installs the calling thread's dict as the object's __dict__;
# under the GIL nothing else touches the object in between.  A thread seen
# for the first time gets a fresh dict, and __init__ runs again on it with
# the arguments the object was created with.

_local_states = {}


class _LocalState:
    __slots__ = ('dicts', 'owner', 'init_args')

    def __init__(self, init_args):
        self.dicts = {}      # thread ident -> that thread's attribute dict
        self.owner = None    # ident whose dict is installed now
        self.init_args = init_args


def _local_enter(obj):
    state = _local_states[id(obj)]
    me = get_ident()
    if state.owner == me:
        return
    mine = state.dicts.get(me)
    fresh = mine is None
    if fresh:
        mine = state.dicts[me] = {}
    object.__setattr__(obj, '__dict__', mine)
    state.owner = me
    if fresh:
        cls = type(obj)
        if cls.__init__ is not object.__init__:
            args, kwargs = state.init_args
            cls.__init__(obj, *args, **kwargs)


def _forget_thread_locals(ident):
    # A finished thread's attribute values are freed now, not when the
    # local object dies.
    for state in list(_local_states.values()):
        if state.dicts.pop(ident, None) is not None and state.owner == ident:
            state.owner = None


def _refuse_dict_change(obj):
    cls = type(obj)
    shown = '_thread._local' if cls is local else cls.__name__
    raise AttributeError(f"'{shown}' object attribute '__dict__' is read-only")


class local:
    """Thread-local data: every thread sees its own set of attributes on
    the same object.  A subclass's __init__ runs once in each thread that
    uses the object, with the arguments given at creation."""

    def __new__(cls, /, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        obj = object.__new__(cls)
        state = _LocalState((args, kwargs))
        state.owner = get_ident()
        state.dicts[state.owner] = object.__getattribute__(obj, '__dict__')
        _local_states[id(obj)] = state
        return obj

    def __del__(self, _states=_local_states, _id=id):
        # Default arguments: at interpreter exit this module's globals (and
        # the builtins) may be cleared before the last local dies.
        state = _states.pop(_id(self), None)
        if state is not None:
            state.dicts.clear()

    def __getattribute__(self, name):
        _local_enter(self)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            _refuse_dict_change(self)
        _local_enter(self)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            _refuse_dict_change(self)
        _local_enter(self)
        object.__delattr__(self, name)


# CPython's local type is _thread._local; show the same name in reprs and
# error messages.
local.__name__ = local.__qualname__ = '_local'
local.__module__ = '_thread'
