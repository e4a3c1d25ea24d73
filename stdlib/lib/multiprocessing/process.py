"""Process objects and the record of the current process.

Every process knows itself through one BaseProcess object: the main
process's is made when this module is first imported, a child's is the
object its parent started (unpickled, under spawn), made current by
_bootstrap().  Each process counts the children it has started, which is
where default names come from: a process's identity is its parent's
identity plus its own number, so the second child of "Process-3" is
"Process-3:2".

How a child is actually launched (fork, or a fresh interpreter) is the
business of the Popen class the context supplies; this module only talks to
the resulting object through poll(), wait(), terminate(), kill(), close(),
pid and sentinel.
"""

import itertools
import os
import signal
import sys
import threading

__all__ = ["BaseProcess", "current_process", "active_children", "parent_process"]

try:
    ORIGINAL_DIR = os.path.abspath(os.getcwd())
except OSError:
    ORIGINAL_DIR = None


def current_process():
    """The Process object of the running process."""
    return _current_process


def parent_process():
    """The Process object of the parent, or None in the main process."""
    return _parent_process


def active_children():
    """Children started by this process that are still running (reaping the
    ones that have finished)."""
    _cleanup()
    return list(_children)


def _cleanup():
    for child in list(_children):
        if child._popen is not None and child._popen.poll() is not None:
            _children.discard(child)


class BaseProcess:
    """A process running target(*args, **kwargs); subclass and override
    run() for other work.  Subclasses supply _Popen (how to launch)."""

    def _Popen(self):
        raise NotImplementedError

    @staticmethod
    def _after_fork():
        # In the child: the parent's finalizers are not ours to run, and
        # registered objects reset themselves.
        from . import util
        util._registry.clear()
        util._run_after_forkers()

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, "group argument must be None for now"
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or (type(self).__name__ + "-" +
                              ":".join(str(i) for i in self._identity))
        if daemon is not None:
            self.daemon = daemon
        _dangling.add(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """The work of the process; by default calls the target."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start the child process."""
        self._check_closed()
        assert self._popen is None, "cannot start a process twice"
        assert self._parent_pid == os.getpid(), \
            "can only start a process object created by current process"
        assert not _current_process._config.get("daemon"), \
            "daemonic processes are not allowed to have children"
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # The target and its arguments now live in the child; drop them here
        # so the parent does not keep them alive.
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Send SIGTERM to the child."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Send SIGKILL to the child."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Wait until the child ends, or until timeout seconds pass."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), "can only join a child process"
        assert self._popen is not None, "can only join a started process"
        if self._popen.wait(timeout) is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the child has started and not yet ended."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), "can only test a child process"
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Release the resources of a finished process object."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

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
    def exitcode(self):
        """None while running; the exit status, or -N if killed by signal N."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        """The process id (None before start)."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A file descriptor that becomes readable when the process ends."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = "started"
        elif self._closed:
            status = "closed"
        elif self._parent_pid != os.getpid():
            status = "unknown"
        elif self._popen is None:
            status = "initial"
        else:
            exitcode = self._popen.poll()
            status = "started" if exitcode is None else "stopped"
        parts = [type(self).__name__, "name=%r" % self._name]
        if self._popen is not None:
            parts.append("pid=%s" % self._popen.pid)
        parts.append("parent=%s" % self._parent_pid)
        parts.append(status)
        if exitcode is not None:
            parts.append("exitcode=%s" % _exitcode_text(exitcode))
        if self.daemon:
            parts.append("daemon")
        return "<%s>" % " ".join(parts)

    # -- in the child -------------------------------------------------------

    def _bootstrap(self, parent_sentinel=None):
        """Run in the new process: become the current process, run(), and
        return the exit code."""
        from . import util
        global _current_process, _parent_process, _process_counter, _children
        try:
            if self._start_method is not None:
                from . import context
                context._force_start_method(self._start_method)
            _process_counter = itertools.count(1)
            _children = set()
            util._close_stdin()
            old_process = _current_process
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid,
                                             parent_sentinel)
            try:
                self._after_fork()
            finally:
                del old_process
            util.info("child process calling self.run()")
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as exc:
            code = exc.code
            if code is None:
                exitcode = 0
            elif isinstance(code, int):
                exitcode = code
            else:
                sys.stderr.write(str(code) + "\n")
                exitcode = 1
        except:
            exitcode = 1
            import traceback
            sys.stderr.write("Process %s:\n" % self.name)
            traceback.print_exc()
        finally:
            try:
                threading._shutdown()
            except Exception:
                pass
            util.info("process exiting with exitcode %d" % exitcode)
            util._flush_std_streams()
        return exitcode

    _start_method = None


def _exitcode_text(code):
    if code < 0:
        try:
            return signal.Signals(-code).name
        except (AttributeError, ValueError):
            return str(code)
    return str(code)


class AuthenticationString(bytes):
    """Bytes that refuse to be pickled except while spawning a child, so an
    authkey cannot leak through a queue or a pipe."""

    def __reduce__(self):
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError("Pickling an AuthenticationString object is "
                            "disallowed for security reasons")
        return AuthenticationString, (bytes(self),)


class _ParentProcess(BaseProcess):
    """What a child knows of its parent: name, pid, and a sentinel that
    becomes readable when the parent exits."""

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        from .connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        from .connection import wait
        wait([self._sentinel], timeout=timeout)


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = "MainProcess"
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {"authkey": AuthenticationString(os.urandom(32)),
                        "semprefix": "/mp"}

    def close(self):
        pass


_parent_process = None
_current_process = _MainProcess()
_process_counter = itertools.count(1)
_children = set()
del _MainProcess

# Every Process ever made, weakly, for debugging only.
import weakref as _weakref
_dangling = _weakref.WeakSet()
del _weakref
