"""Process objects and the record of the current process.

Every process knows itself through one BaseProcess object: the main
process's is made when this module is first imported; a child's is the
object its parent started (unpickled, under spawn), made current by
_bootstrap().  Each process numbers the children it starts, which is where
default names come from: a process's identity is its parent's identity plus
its own number, so the second child of "Process-3" is "Process-3:2".

How a child is actually launched (fork, or a fresh interpreter) is the
business of the Popen class the context supplies; this module talks to the
resulting object only through poll(), wait(), terminate(), kill(), close(),
pid and sentinel.

Module state, all of it per process (a child resets it in _bootstrap):
_current_process, _parent_process, _children (started, not yet reaped) and
_process_counter (numbers for the next children).
"""

import os
import sys
import weakref
import itertools
import threading

__all__ = ["BaseProcess", "current_process", "active_children", "parent_process"]


def _initial_directory():
    # Spawned children resolve a relative main script against this.
    try:
        return os.path.abspath(os.getcwd())
    except OSError:
        return None


ORIGINAL_DIR = _initial_directory()


def current_process():
    """The Process object of the running process."""
    return _current_process


def parent_process():
    """The Process object of the parent, or None in the main process."""
    return _parent_process


def active_children():
    """Children started by this process that are still running (reaping the
    ones that have finished)."""
    _reap()
    return list(_children)


def _reap():
    finished = [child for child in _children
                if child._popen is not None and child._popen.poll() is not None]
    _children.difference_update(finished)


def _signal_name(code):
    """How repr() shows an exit code: -15 is -SIGTERM, as in CPython."""
    if code >= 0:
        return str(code)
    # signal (and enum under it) is imported here, not at the top: a
    # worker's start-up need not pay for it.
    import signal
    try:
        return "-" + signal.Signals(-code).name
    except (AttributeError, ValueError):
        return str(code)


def _exit_status(exc):
    """The exit code a child reports for the SystemExit that ended it."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + "\n")
    return 1


class BaseProcess:
    """A process running target(*args, **kwargs); subclass and override
    run() for other work.  Subclasses supply _Popen (how to launch)."""

    _start_method = None

    def _Popen(self):
        # Supplied by the context's process class (fork, spawn, ...).
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, "group argument must be None for now"
        creator = _current_process
        self._identity = creator._identity + (next(_process_counter),)
        self._config = dict(creator._config)
        self._parent_pid, self._parent_name = os.getpid(), creator.name
        self._target, self._args, self._kwargs = target, tuple(args), dict(kwargs)
        self._popen = None
        self._closed = False
        self._name = name or "%s-%s" % (type(self).__name__,
                                        ":".join(map(str, self._identity)))
        if daemon is not None:
            self.daemon = daemon
        _dangling.add(self)

    def run(self):
        """The work of the process; by default calls the target."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    # -- attributes ---------------------------------------------------------

    @property
    def daemon(self):
        """Whether the process is daemonic: terminated, not joined, when its
        parent exits, and not allowed children of its own."""
        return self._config.get("daemon", False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, "process has already started"
        self._config["daemon"] = daemonic

    @property
    def authkey(self):
        return self._config["authkey"]

    @authkey.setter
    def authkey(self, authkey):
        self._config["authkey"] = AuthenticationString(authkey)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

    @property
    def ident(self):
        """The process id (None before start)."""
        popen = self._usable()
        if self is _current_process:
            return os.getpid()
        return popen and popen.pid

    pid = ident

    @property
    def exitcode(self):
        """None while running; the exit status, or -N if killed by signal N."""
        popen = self._usable()
        return None if popen is None else popen.poll()

    @property
    def sentinel(self):
        """A file descriptor that becomes readable when the process ends."""
        self._usable()
        sentinel = getattr(self, "_sentinel", None)
        if sentinel is None:
            raise ValueError("process not started")
        return sentinel

    # -- in the parent ------------------------------------------------------

    def _usable(self):
        """The Popen (or None), after checking the object is not closed."""
        if self._closed:
            raise ValueError("process object is closed")
        return self._popen

    def _assert_mine(self, what):
        assert self._parent_pid == os.getpid(), "can only %s" % what

    def start(self):
        """Start the child process."""
        assert self._usable() is None, "cannot start a process twice"
        self._assert_mine("start a process object created by current process")
        assert not _current_process._config.get("daemon"), \
            "daemonic processes are not allowed to have children"
        _reap()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # The work now lives in the child: the parent need not keep the
        # target and its arguments alive.
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Send SIGTERM to the child."""
        self._usable().terminate()

    def kill(self):
        """Send SIGKILL to the child."""
        self._usable().kill()

    def join(self, timeout=None):
        """Wait until the child ends, or until timeout seconds pass."""
        popen = self._usable()
        self._assert_mine("join a child process")
        assert popen is not None, "can only join a started process"
        if popen.wait(timeout) is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the child has started and not yet ended."""
        popen = self._usable()
        if self is _current_process:
            return True
        self._assert_mine("test a child process")
        running = popen is not None and popen.poll() is None
        if popen is not None and not running:
            _children.discard(self)
        return running

    def close(self):
        """Release the resources of a finished process object."""
        popen = self._popen
        if popen is not None and popen.poll() is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True
        if popen is not None:
            _children.discard(self)
            popen.close()
            del self._sentinel
            self._popen = None

    def _status(self):
        """(word shown by repr, exit code or None)."""
        if self is _current_process:
            return "started", None
        if self._closed:
            return "closed", None
        if self._parent_pid != os.getpid():
            return "unknown", None
        if self._popen is None:
            return "initial", None
        code = self._popen.poll()
        return ("started" if code is None else "stopped"), code

    def __repr__(self):
        status, code = self._status()
        words = [type(self).__name__, "name=%r" % self._name]
        if self._popen is not None:
            words.append("pid=%s" % self._popen.pid)
        words += ["parent=%s" % self._parent_pid, status]
        if code is not None:
            words.append("exitcode=%s" % _signal_name(code))
        if self.daemon:
            words.append("daemon")
        return "<%s>" % " ".join(words)

    # -- in the child -------------------------------------------------------

    @staticmethod
    def _after_fork():
        # The parent's finalizers are not ours to run; objects registered
        # with register_after_fork reset themselves.
        from . import util
        util._registry.clear()
        util._run_after_forkers()

    def _become_current(self, parent_sentinel):
        """Make this object the record of the running (child) process."""
        global _current_process, _parent_process, _process_counter, _children
        if self._start_method is not None:
            from . import context
            context._force_start_method(self._start_method)
        _children, _process_counter = set(), itertools.count(1)
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid,
                                         parent_sentinel)
        _current_process = self
        self._after_fork()

    def _bootstrap(self, parent_sentinel=None):
        """Run in the new process: become the current process, run(), and
        return the exit code."""
        from . import util
        exitcode = 1
        try:
            util._close_stdin()
            self._become_current(parent_sentinel)
            util.info("child process calling self.run()")
            try:
                self.run()
            finally:
                util._exit_function()
            exitcode = 0
        except SystemExit as exc:
            exitcode = _exit_status(exc)
        except BaseException:
            import traceback
            sys.stderr.write("Process %s:\n" % self.name)
            traceback.print_exc()
        finally:
            _quietly(threading._shutdown)
            util.info("process exiting with exitcode %d" % exitcode)
            util._flush_std_streams()
        return exitcode


def _quietly(func):
    try:
        func()
    except Exception:
        pass


class AuthenticationString(bytes):
    """Bytes that refuse to be pickled except while spawning a child, so an
    authkey cannot leak through a queue or a pipe."""

    def __reduce__(self):
        from .context import get_spawning_popen
        if get_spawning_popen() is not None:
            return AuthenticationString, (bytes(self),)
        raise TypeError("Pickling an AuthenticationString object is "
                        "disallowed for security reasons")


class _ProcessRecord(BaseProcess):
    """A process this one did not start (itself or its parent): only the
    fields repr() and the queries read."""

    def __init__(self, name, parent_pid, config):
        self._identity = ()
        self._name = name
        self._parent_pid = parent_pid
        self._config = config
        self._popen = None
        self._closed = False


class _ParentProcess(_ProcessRecord):
    """What a child knows of its parent: name, pid, and a sentinel that
    becomes readable when the parent exits."""

    def __init__(self, name, pid, sentinel):
        super().__init__(name, None, {})
        self._pid = pid
        self._sentinel = sentinel

    def _wait(self, timeout):
        from .connection import wait
        return wait([self._sentinel], timeout=timeout)

    def is_alive(self):
        return not self._wait(0)

    def join(self, timeout=None):
        self._wait(timeout)

    @property
    def ident(self):
        return self._pid

    pid = ident


class _MainProcess(_ProcessRecord):
    def close(self):
        pass


_parent_process = None
_current_process = _MainProcess("MainProcess", None, {
    "authkey": AuthenticationString(os.urandom(32)), "semprefix": "/mp"})
_process_counter = itertools.count(1)
_children = set()

# Every Process ever made, weakly, for debugging only.
_dangling = weakref.WeakSet()
