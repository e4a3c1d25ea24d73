"""The multiprocessing API over threads: a Pool of threads, Process as a
thread, and queue.Queue as Queue."""

import threading
import weakref
from queue import Queue

from threading import (Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event,
                       Barrier, current_thread as current_process)

from ..connection import Pipe

__all__ = ["Process", "current_process", "active_children", "freeze_support", "Lock",
           "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier",
           "Queue", "Manager", "Pipe", "Pool", "JoinableQueue"]


class DummyProcess(threading.Thread):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._children = weakref.WeakKeyDictionary()
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise RuntimeError("Parent is {0!r} but current_process is {1!r}".format(
                self._parent, current_process()))
        self._start_called = True
        if hasattr(self._parent, "_children"):
            self._parent._children[self] = None
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None


Process = DummyProcess
JoinableQueue = Queue


def active_children():
    children = getattr(current_process(), "_children", {})
    for p in list(children):
        if not p.is_alive():
            children.pop(p, None)
    return list(children)


def freeze_support():
    pass


class Namespace:
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = sorted(self.__dict__.items())
        return "Namespace(%s)" % ", ".join("%s=%r" % kv for kv in items
                                           if not kv[0].startswith("_"))


dict = dict
list = list


def Manager():
    return __import__(__name__)


def shutdown():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    from ..pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)
