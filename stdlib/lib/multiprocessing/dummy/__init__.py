"""The multiprocessing API over threads.

Code written against multiprocessing can switch to threads by importing
this package instead: Process is a thread that remembers its parent,
Pool is a ThreadPool, Queue is queue.Queue, and the synchronisation
primitives are threading's own.  Manager() returns this module itself,
whose `dict`, `list` and `Namespace` are plain objects shared by the threads.
"""

import sys
import threading
from weakref import WeakKeyDictionary
from queue import Queue
from threading import (Barrier, BoundedSemaphore, Condition, Event, Lock,
                       RLock, Semaphore)
from threading import current_thread as current_process

from ..connection import Pipe

__all__ = [
    "Process", "current_process", "active_children", "freeze_support",
    "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event",
    "Barrier", "Queue", "Manager", "Pipe", "Pool", "JoinableQueue",
]

# queue.Queue already has task_done() and join().
JoinableQueue = Queue


class DummyProcess(threading.Thread):
    """A thread with the few extras of multiprocessing.Process: a parent,
    a table of children, and an exit code once it has run."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        super().__init__(group, target, name, args, kwargs)
        self._parent = current_process()
        self._children = WeakKeyDictionary()
        self._pid = None
        self._start_called = False

    def start(self):
        me = current_process()
        if me is not self._parent:
            raise RuntimeError("Parent is {0!r} but current_process is {1!r}".format(
                self._parent, me))
        self._start_called = True
        registry = getattr(self._parent, "_children", None)
        if registry is not None:
            registry[self] = None
        super().start()

    @property
    def exitcode(self):
        # A thread has no exit status; 0 once it has started and finished.
        finished = self._start_called and not self.is_alive()
        return 0 if finished else None


Process = DummyProcess

# The main thread needs a table of children too, for active_children().
current_process()._children = WeakKeyDictionary()


def active_children():
    """The started children of the current thread that are still running."""
    registry = getattr(current_process(), "_children", {})
    running = []
    for child in list(registry):
        if child.is_alive():
            running.append(child)
        else:
            registry.pop(child, None)
    return running


def freeze_support():
    """Nothing to do for threads."""


class Namespace:
    """An object whose attributes are the keywords it was made with."""

    def __init__(self, /, **kwds):
        vars(self).update(kwds)

    def __repr__(self):
        shown = ["%s=%r" % (key, value) for key, value in sorted(vars(self).items())
                 if not key.startswith("_")]
        return "Namespace(%s)" % ", ".join(shown)


# The "manager" of the thread API is this module: its containers are the
# builtin ones, already shared by every thread.
dict, list = dict, list


def Manager():
    """This module, standing in for a manager."""
    return sys.modules[__name__]


def shutdown():
    """Nothing to shut down: no manager process exists."""


def Pool(processes=None, initializer=None, initargs=()):
    """A ThreadPool: workers are threads of this process."""
    from ..pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)
