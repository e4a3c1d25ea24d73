"""Waiting for I/O on many file objects at once, over the select module.

A selector keeps one SelectorKey (file object, descriptor, events of
interest, caller's data) per registered descriptor and, on select(), returns
(key, ready events) pairs. SelectSelector, PollSelector and EpollSelector
share that bookkeeping and differ in the system call that waits;
DefaultSelector is epoll, the best one Linux offers. Every wait releases the
GIL (the select module does that).
"""

import math
import select
from abc import ABCMeta, abstractmethod
from collections import namedtuple
from collections.abc import Mapping

EVENT_READ = 1
EVENT_WRITE = 2
_ALL_EVENTS = EVENT_READ | EVENT_WRITE

SelectorKey = namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])
SelectorKey.__doc__ = """What a selector remembers about one registration:
the file object, its descriptor, the events asked for and the caller's data."""


def _fileobj_to_fd(fileobj):
    """The descriptor of an int or of an object with fileno(); ValueError
    for anything else or a negative number."""
    fd = fileobj
    if not isinstance(fd, int):
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: %r" % (fileobj,)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: %d" % fd)
    return fd


def _not_registered(fileobj):
    return KeyError("%r is not registered" % (fileobj,))


class BaseSelector(metaclass=ABCMeta):
    """The selector interface. Subclasses provide register, unregister,
    select and get_map; modify, get_key and the context manager are
    written here in terms of those."""

    @abstractmethod
    def register(self, fileobj, events, data=None):
        """Watch fileobj for events (EVENT_READ | EVENT_WRITE); returns
        the new SelectorKey. ValueError for bad events or file objects,
        KeyError if the descriptor is registered already."""
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        """Stop watching fileobj; returns its key. KeyError if unknown.
        Call it before closing the file."""
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        """Change the events or data of a registration; returns the key."""
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    def close(self):
        """Release the selector's resources; it is unusable afterwards."""

    def get_key(self, fileobj):
        """The key of a registered file object (KeyError if unknown)."""
        keys = self.get_map()
        if keys is None:
            raise RuntimeError('Selector is closed')
        try:
            return keys[fileobj]
        except KeyError:
            raise _not_registered(fileobj) from None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    @abstractmethod
    def get_map(self):
        """A mapping from file objects to keys (None once closed)."""
        raise NotImplementedError

    @abstractmethod
    def select(self, timeout=None):
        """Wait until a registered file is ready or timeout seconds pass
        (None: no limit, <= 0: just poll); returns [(key, events), ...]."""
        raise NotImplementedError


class _KeyView(Mapping):
    """get_map()'s answer: a live read-only view of a selector's keys,
    looked up by file object (or descriptor), iterating over descriptors."""

    def __init__(self, owner):
        self._owner = owner

    def __len__(self):
        return len(self._owner._keys)

    def __iter__(self):
        return iter(self._owner._keys)

    def __getitem__(self, fileobj):
        owner = self._owner
        try:
            return owner._keys[owner._fd_of(fileobj)]
        except KeyError:
            raise _not_registered(fileobj) from None


class _KeyTable(BaseSelector):
    """The bookkeeping every concrete selector shares: a dict from
    descriptor to key. Subclasses tell their system call about changes
    through _watch, _unwatch and _change_events."""

    def __init__(self):
        self._keys = {}
        self._view = _KeyView(self)

    def _fd_of(self, fileobj):
        # A file closed while registered has no descriptor any more; it
        # must still be possible to unregister it, so look it up by identity.
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            for key in self._keys.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def _key_of(self, fileobj):
        try:
            return self._keys[self._fd_of(fileobj)]
        except KeyError:
            raise _not_registered(fileobj) from None

    def register(self, fileobj, events, data=None):
        if not events or events & ~_ALL_EVENTS:
            raise ValueError("Invalid events: %r" % (events,))
        fd = self._fd_of(fileobj)
        if fd in self._keys:
            raise KeyError("%r (FD %d) is already registered" % (fileobj, fd))
        key = SelectorKey(fileobj, fd, events, data)
        self._keys[fd] = key
        try:
            self._watch(fd, events)
        except BaseException:
            del self._keys[fd]
            raise
        return key

    def unregister(self, fileobj):
        key = self._key_of(fileobj)
        del self._keys[key.fd]
        self._unwatch(key.fd)
        return key

    def modify(self, fileobj, events, data=None):
        key = self._key_of(fileobj)
        if events != key.events:
            return self._change_events(key, fileobj, events, data)
        if data != key.data:
            key = key._replace(data=data)
            self._keys[key.fd] = key
        return key

    def _change_events(self, key, fileobj, events, data):
        # The simple way, right for SelectSelector; the kernel pollers
        # change the mask in place instead.
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    def close(self):
        self._keys.clear()
        self._view = None

    def get_map(self):
        return self._view


class SelectSelector(_KeyTable):
    """A selector on select.select(): fine for a few descriptors below
    FD_SETSIZE, and the most portable."""

    def __init__(self):
        super().__init__()
        self._readers = set()
        self._writers = set()

    def _watch(self, fd, events):
        if events & EVENT_READ:
            self._readers.add(fd)
        if events & EVENT_WRITE:
            self._writers.add(fd)

    def _unwatch(self, fd):
        self._readers.discard(fd)
        self._writers.discard(fd)

    def select(self, timeout=None):
        if timeout is not None and timeout < 0:
            timeout = 0
        try:
            readable, writable, _ = select.select(self._readers, self._writers, [], timeout)
        except InterruptedError:
            return []
        readable = set(readable)
        writable = set(writable)
        found = []
        keys = self._keys
        for fd in readable | writable:
            key = keys.get(fd)
            if key is not None:
                ready = EVENT_READ if fd in readable else 0
                if fd in writable:
                    ready |= EVENT_WRITE
                found.append((key, ready & key.events))
        return found


class _KernelPollSelector(_KeyTable):
    """What PollSelector and EpollSelector share: the kernel object keeps
    its own copy of each descriptor's mask. A subclass names the poller
    class and its read and write bits."""

    _poller_class = None
    _IN = 0
    _OUT = 0

    def __init__(self):
        super().__init__()
        self._poller = self._poller_class()

    def _mask(self, events):
        mask = self._IN if events & EVENT_READ else 0
        if events & EVENT_WRITE:
            mask |= self._OUT
        return mask

    def _watch(self, fd, events):
        self._poller.register(fd, self._mask(events))

    def _unwatch(self, fd):
        try:
            self._poller.unregister(fd)
        except OSError:
            # Closed before it was unregistered: the kernel dropped it.
            pass

    def _change_events(self, key, fileobj, events, data):
        try:
            self._poller.modify(key.fd, self._mask(events))
        except BaseException:
            del self._keys[key.fd]
            raise
        key = key._replace(events=events, data=data)
        self._keys[key.fd] = key
        return key

    def _ready_keys(self, polled):
        """(key, events) pairs from the poller's (fd, mask) list. Any bit
        other than "writable" (input, hang-up, error) reports the file
        readable, and any bit other than "readable" reports it writable,
        so that a waiter of either kind wakes and sees the condition."""
        keys = self._keys
        not_out = ~self._OUT
        not_in = ~self._IN
        found = []
        for fd, mask in polled:
            key = keys.get(fd)
            if key is not None:
                ready = EVENT_READ if mask & not_out else 0
                if mask & not_in:
                    ready |= EVENT_WRITE
                found.append((key, ready & key.events))
        return found


class PollSelector(_KernelPollSelector):
    """A selector on select.poll()."""

    _poller_class = select.poll
    _IN = select.POLLIN
    _OUT = select.POLLOUT

    def select(self, timeout=None):
        # poll() counts milliseconds; round up so that a short timeout
        # does not turn into a busy loop of zero-length waits.
        if timeout is not None:
            timeout = math.ceil(timeout * 1e3) if timeout > 0 else 0
        try:
            polled = self._poller.poll(timeout)
        except InterruptedError:
            return []
        return self._ready_keys(polled)


class EpollSelector(_KernelPollSelector):
    """A selector on select.epoll(), the default on Linux."""

    _poller_class = select.epoll
    _IN = select.EPOLLIN
    _OUT = select.EPOLLOUT

    def fileno(self):
        """The epoll object's own descriptor."""
        return self._poller.fileno()

    def select(self, timeout=None):
        if timeout is None:
            timeout = -1
        elif timeout > 0:
            # epoll_wait() counts milliseconds: round up, as for poll().
            timeout = math.ceil(timeout * 1e3) * 1e-3
        else:
            timeout = 0
        # epoll refuses maxevents of 0, which an empty selector would give.
        most = len(self._keys) or 1
        try:
            polled = self._poller.poll(timeout, most)
        except InterruptedError:
            return []
        return self._ready_keys(polled)

    def close(self):
        self._poller.close()
        super().close()


DefaultSelector = EpollSelector
