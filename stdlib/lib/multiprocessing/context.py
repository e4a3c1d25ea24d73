"""Start-method contexts: where every public constructor of the package
lives.

A context pairs one way of starting processes (fork, spawn or forkserver)
with factories for the objects that have to agree with it: locks, queues,
pools and shared values all receive the context that made them.  The
module-level functions of `multiprocessing` are bound methods of a single
DefaultContext, which forwards to the concrete context picked by
set_start_method() or, when nobody picked one, to the platform default
(fork on Linux, as CPython up to 3.13).

The factories are generated from one table (_FACTORIES below) rather than
written out one by one: each row names the submodule and class to build and
the keyword under which the class expects its context.

While a process object is pickled for a spawned child, the Popen doing the
pickling is recorded per thread (set_spawning_popen); objects that may only
travel to a child that way (locks, queues, shared values) call
assert_spawning() from their __getstate__.
"""

import os
import threading
import importlib

from . import reduction
from . import process

__all__ = ()


# -- exceptions ---------------------------------------------------------------

class ProcessError(Exception):
    """Base of the errors this package raises itself."""


class BufferTooShort(ProcessError):
    """recv_bytes_into() was given a buffer smaller than the message."""


class TimeoutError(ProcessError):
    """A result or a lock was not ready within the timeout."""


class AuthenticationError(ProcessError):
    """The peer of a connection failed the authkey challenge."""


# -- factories ------------------------------------------------------------------

# (method name, submodule, class name, keyword that carries the context;
#  None when the object does not care which context made it)
_FACTORIES = (
    ("Array", "sharedctypes", "Array", "ctx"),
    ("Barrier", "synchronize", "Barrier", "ctx"),
    ("BoundedSemaphore", "synchronize", "BoundedSemaphore", "ctx"),
    ("Condition", "synchronize", "Condition", "ctx"),
    ("Event", "synchronize", "Event", "ctx"),
    ("JoinableQueue", "queues", "JoinableQueue", "ctx"),
    ("Lock", "synchronize", "Lock", "ctx"),
    ("Pipe", "connection", "Pipe", None),
    ("Pool", "pool", "Pool", "context"),
    ("Queue", "queues", "Queue", "ctx"),
    ("RLock", "synchronize", "RLock", "ctx"),
    ("RawArray", "sharedctypes", "RawArray", None),
    ("RawValue", "sharedctypes", "RawValue", None),
    ("Semaphore", "synchronize", "Semaphore", "ctx"),
    ("SimpleQueue", "queues", "SimpleQueue", "ctx"),
    ("Value", "sharedctypes", "Value", "ctx"),
)


def _lookup(submodule, attr):
    # Imported on first call: most programs touch a few of these only, and
    # several submodules import this one.
    return getattr(importlib.import_module("multiprocessing." + submodule), attr)


def _make_factory(method, submodule, cls_name, ctx_keyword):
    def factory(self, *args, **kwargs):
        target = _lookup(submodule, cls_name)
        if ctx_keyword is not None:
            kwargs[ctx_keyword] = self.get_context()
        return target(*args, **kwargs)
    factory.__name__ = factory.__qualname__ = method
    factory.__doc__ = "Build a %s.%s bound to this context." % (submodule, cls_name)
    return factory


def _forwarder(submodule, func_name, doc):
    """A context method that calls a module-level function unchanged."""
    def method(self, *args):
        return _lookup(submodule, func_name)(*args)
    method.__name__ = method.__qualname__ = func_name
    method.__doc__ = doc
    return method


class BaseContext:
    # Process queries are the same whichever context asks.
    active_children = staticmethod(process.active_children)
    current_process = staticmethod(process.current_process)
    parent_process = staticmethod(process.parent_process)

    AuthenticationError = AuthenticationError
    BufferTooShort = BufferTooShort
    ProcessError = ProcessError
    TimeoutError = TimeoutError

    get_logger = _forwarder("util", "get_logger", "The package's logger.")
    log_to_stderr = _forwarder("util", "log_to_stderr",
                               "Send the package's log records to stderr.")
    set_executable = _forwarder("spawn", "set_executable",
                                "Interpreter that spawned children run.")
    set_forkserver_preload = _forwarder("forkserver", "set_forkserver_preload",
                                        "Modules the fork server imports first.")

    def cpu_count(self):
        """Number of CPUs in the system."""
        found = os.cpu_count()
        if found is not None:
            return found
        raise NotImplementedError("cannot determine number of cpus")

    def Manager(self):
        """A started SyncManager serving shared objects from its own process."""
        started = _lookup("managers", "SyncManager")(ctx=self.get_context())
        started.start()
        return started

    def freeze_support(self):
        """Nothing to do: gilt programs are never frozen executables."""

    def allow_connection_pickling(self):
        """Connections pickle themselves; importing the module is enough."""
        _lookup("connection", "Connection")

    def get_context(self, method=None):
        if method is None:
            return self
        chosen = _concrete_contexts.get(method)
        if chosen is None:
            raise ValueError("cannot find context for %r" % method)
        chosen._check_available()
        return chosen

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError("cannot set start method of concrete context")

    @property
    def reducer(self):
        return globals().get("reduction")

    @reducer.setter
    def reducer(self, value):
        globals()["reduction"] = value

    def _check_available(self):
        pass


for _row in _FACTORIES:
    setattr(BaseContext, _row[0], _make_factory(*_row))
del _row


# -- process classes, one per start method --------------------------------------

def _popen_class(name):
    """A _Popen staticmethod that builds popen.<name> for a process object."""
    return staticmethod(lambda process_obj: _lookup("popen", name)(process_obj))


class ForkProcess(process.BaseProcess):
    _start_method = "fork"
    _Popen = _popen_class("ForkPopen")


class SpawnProcess(process.BaseProcess):
    _start_method = "spawn"
    _Popen = _popen_class("SpawnPopen")

    @staticmethod
    def _after_fork():
        # A spawned child inherited no state of its parent: nothing to reset.
        pass


class ForkServerProcess(process.BaseProcess):
    _start_method = "forkserver"
    _Popen = _popen_class("ForkServerPopen")


def _current_process_class():
    return _default_context.get_context().Process


class Process(process.BaseProcess):
    """A process started with the current default start method: the choice
    is made when start() runs, not when the object is created."""
    _start_method = None

    @staticmethod
    def _Popen(process_obj):
        return _current_process_class()._Popen(process_obj)

    @staticmethod
    def _after_fork():
        return _current_process_class()._after_fork()


# -- contexts -------------------------------------------------------------------

def _concrete(name, process_class):
    return type(name.capitalize().replace("server", "Server") + "Context",
                (BaseContext,), {"_name": name, "Process": process_class,
                                 "__module__": __name__})


ForkContext = _concrete("fork", ForkProcess)
SpawnContext = _concrete("spawn", SpawnProcess)
ForkServerContext = _concrete("forkserver", ForkServerProcess)

_concrete_contexts = {cls._name: cls() for cls in
                      (ForkContext, SpawnContext, ForkServerContext)}


class DefaultContext(BaseContext):
    """Forwards to the chosen concrete context, choosing fork when asked
    before anybody chose."""
    Process = Process

    def __init__(self, context):
        # _actual_context stays None until a start method is chosen, either
        # explicitly or by the first use that needs one.
        self._actual_context = None
        self._default_context = context

    def _settle(self):
        if self._actual_context is None:
            self._actual_context = self._default_context
        return self._actual_context

    def get_context(self, method=None):
        if method is not None:
            return super().get_context(method)
        return self._settle()

    def set_start_method(self, method, force=False):
        if not force and self._actual_context is not None:
            raise RuntimeError("context has already been set")
        if force and method is None:
            self._actual_context = None
        else:
            self._actual_context = self.get_context(method)

    def get_start_method(self, allow_none=False):
        if allow_none and self._actual_context is None:
            return None
        return self._settle()._name

    def get_all_start_methods(self):
        return ["fork", "spawn", "forkserver"]


_default_context = DefaultContext(_concrete_contexts["fork"])


def _force_start_method(method):
    _default_context._actual_context = _concrete_contexts[method]


# -- the Popen being pickled for a child, per thread -----------------------------

_spawning = threading.local()


def get_spawning_popen():
    return getattr(_spawning, "popen", None)


def set_spawning_popen(popen):
    _spawning.popen = popen


def assert_spawning(obj):
    if get_spawning_popen() is not None:
        return
    raise RuntimeError(
        "%s objects should only be shared between processes through inheritance"
        % type(obj).__name__)
