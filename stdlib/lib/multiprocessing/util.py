"""Process-wide bookkeeping shared by the rest of multiprocessing.

Two registries live here:

* after-fork hooks (register_after_fork): objects that must reset
  themselves in a freshly started child, such as a queue's feeder state;
  the child runs them once, before the target starts.
* finalizers (Finalize): cleanups tied to an object's lifetime or to process
  exit, run in order of decreasing exitpriority when the process winds up.
  A Finalize with exitpriority None runs only when its object dies.

The logging helpers are kept for API compatibility; they write nothing
unless log_to_stderr() or get_logger() has been given a handler.
"""

import itertools
import os
import sys
import threading
import weakref

__all__ = [
    "sub_debug", "debug", "info", "sub_warning", "get_logger", "log_to_stderr",
    "get_temp_dir", "register_after_fork", "is_exiting", "Finalize",
    "ForkAwareThreadLock", "ForkAwareLocal", "close_all_fds_except",
    "SUBDEBUG", "SUBWARNING",
]

# Logging levels: logging's own, plus two of this package's between them.
NOTSET, SUBDEBUG, DEBUG, INFO, SUBWARNING = 0, 5, 10, 20, 25

LOGGER_NAME = "multiprocessing"
DEFAULT_LOGGING_FORMAT = "[%(levelname)s/%(processName)s] %(message)s"

_logger = None
_exiting = False


def _logs_at(level, name):
    """A module-level log function; silent until someone asked for the
    logger (so that logging is not even imported otherwise)."""
    def log(msg, *args):
        if _logger is not None:
            _logger.log(level, msg, *args)
    log.__name__ = log.__qualname__ = name
    return log


sub_debug = _logs_at(SUBDEBUG, "sub_debug")
debug = _logs_at(DEBUG, "debug")
info = _logs_at(INFO, "info")
sub_warning = _logs_at(SUBWARNING, "sub_warning")


def get_logger():
    """The 'multiprocessing' logger (needs the logging module)."""
    global _logger
    if _logger is None:
        import logging
        _logger = logging.getLogger(LOGGER_NAME)
        _logger.propagate = 0
    return _logger


def log_to_stderr(level=None):
    """Send the multiprocessing logger's records to stderr."""
    import logging
    to_stderr = logging.StreamHandler()
    to_stderr.setFormatter(logging.Formatter(DEFAULT_LOGGING_FORMAT))
    logger = get_logger()
    if level:
        logger.setLevel(level)
    logger.addHandler(to_stderr)
    return logger


def is_exiting():
    return _exiting


# -- a private temporary directory, removed at exit --------------------------

def get_temp_dir():
    from . import process
    tempdir = process.current_process()._config.get("tempdir")
    if tempdir is None:
        tempdir = _make_private_dir()
        Finalize(None, _remove_tree, args=(tempdir,), exitpriority=-100)
        process.current_process()._config["tempdir"] = tempdir
    return tempdir


def _make_private_dir():
    # Like tempfile.mkdtemp(prefix="pymp-"): a new directory only we may use.
    base = os.environ.get("TMPDIR") or "/tmp"
    for _ in range(100):
        path = os.path.join(base, "pymp-" + os.urandom(6).hex())
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return path
    raise FileExistsError("no usable temporary directory name")


def _remove_tree(path):
    try:
        for entry in os.listdir(path):
            full = os.path.join(path, entry)
            if os.path.isdir(full) and not os.path.islink(full):
                _remove_tree(full)
            else:
                os.unlink(full)
        os.rmdir(path)
    except OSError:
        pass


# -- after-fork hooks ---------------------------------------------------------

_after_fork_hooks = weakref.WeakValueDictionary()
_after_fork_order = itertools.count()


def register_after_fork(obj, func):
    """Call func(obj) in each child process started after this call, as long
    as obj is alive."""
    _after_fork_hooks[(next(_after_fork_order), id(obj), func)] = obj


def _run_after_forkers():
    for (_, _, func), obj in sorted(_after_fork_hooks.items(), key=lambda kv: kv[0][0]):
        try:
            func(obj)
        except Exception as exc:
            info("after forker raised exception %s", exc)


# -- finalizers ----------------------------------------------------------------

_registry = {}
_finalizer_order = itertools.count()


class Finalize:
    """Call callback(*args, **kwargs) once: when obj is collected, when the
    Finalize object itself is called, or at process exit if exitpriority is
    not None (higher priorities first, later registrations first among
    equals)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if exitpriority is not None and not isinstance(exitpriority, int):
            raise TypeError(
                f"Exitpriority ({exitpriority!r}) must be None or int, not {type(exitpriority)}")
        if obj is None and exitpriority is None:
            raise ValueError("Without object, exitpriority cannot be None")
        self._callback, self._args, self._kwargs = callback, args, kwargs or {}
        self._weakref = None if obj is None else weakref.ref(obj, self)
        self._pid = os.getpid()
        # The key orders exit-time runs: priority, then registration order.
        self._key = (exitpriority, next(_finalizer_order))
        _registry[self._key] = self

    def _unregister(self):
        """True if this call took the finalizer out of the registry (so it
        has not run, and will not run elsewhere)."""
        return _registry.pop(self._key, None) is not None

    def _forget(self):
        self._weakref = self._callback = self._args = self._kwargs = self._key = None

    def __call__(self, wr=None):
        """Run the callback unless it already ran; returns its result."""
        if not self._unregister():
            return None
        result = None
        # Inherited through fork, the object belongs to the parent: skip.
        if self._pid == os.getpid():
            result = self._callback(*self._args, **self._kwargs)
        self._forget()
        return result

    def cancel(self):
        """Forget the callback without running it."""
        if self._unregister():
            self._forget()

    def still_active(self):
        return self._key in _registry

    def __repr__(self):
        obj = self._weakref() if self._weakref is not None else None
        if self._callback is None:
            return "<Finalize object, dead>"
        text = f"<Finalize object, callback={getattr(self._callback, '__name__', self._callback)}"
        if obj is not None:
            text += f", obj={obj!r}"
        if self._key[0] is not None:
            text += f", exitpriority={self._key[0]}"
        return text + ">"


def _run_finalizers(minpriority=None):
    """Run the finalizers whose exitpriority is at least minpriority (all
    with a priority when minpriority is None), highest first."""
    floor = minpriority

    def due(key):
        priority = key[0]
        return priority is not None and (floor is None or priority >= floor)

    # A finalizer may register others: repeat until none is due.
    keys = sorted(filter(due, list(_registry)), reverse=True)
    while keys:
        for key in keys:
            _run_reporting(_registry.get(key))
        keys = sorted(filter(due, list(_registry)), reverse=True)
    if floor is None:
        _registry.clear()


def _run_reporting(finalizer):
    if finalizer is None:
        return
    try:
        finalizer()
    except Exception:
        import traceback
        traceback.print_exc()


def _exit_function():
    """What a process does on the way out: finalizers that must run before
    children go, then stop daemonic children and join the others."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    from . import process
    _run_finalizers(0)
    for child in process.active_children():
        if child.daemon:
            child._popen.terminate()
    for child in process.active_children():
        child.join()
    _run_finalizers()


import atexit as _atexit
_atexit.register(_exit_function)
del _atexit


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


# -- locks and thread-local data that reset in a child ------------------------

class ForkAwareThreadLock:
    def __init__(self):
        self._reset()
        register_after_fork(self, ForkAwareThreadLock._reset)

    def _reset(self):
        # A lock copied by fork may be held by a thread that no longer
        # exists: the child gets a new one.
        lock = self._lock = threading.Lock()
        self.acquire, self.release = lock.acquire, lock.release

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

    def __enter__(self):
        return self._lock.__enter__()


class ForkAwareLocal(threading.local):
    def __init__(self):
        register_after_fork(self, lambda obj: obj.__dict__.clear())

    def __reduce__(self):
        return type(self), ()


def close_all_fds_except(fds):
    keep = sorted(set(fds) | {-1})
    limit = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 1024
    keep.append(limit)
    for low, high in zip(keep, keep[1:]):
        for fd in range(low + 1, high):
            try:
                os.close(fd)
            except OSError:
                pass


def _close_stdin():
    """A child reads nothing from its parent's stdin: give it /dev/null."""
    try:
        sys.stdin.close()
    except (OSError, ValueError, AttributeError):
        pass
    try:
        null_fd = os.open(os.devnull, os.O_RDONLY)
    except OSError:
        return
    try:
        sys.stdin = open(null_fd, encoding="utf-8", closefd=False)
    except (OSError, ValueError):
        os.close(null_fd)
