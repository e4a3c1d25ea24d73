"""The exceptions asyncio raises (CPython's asyncio.exceptions).

CancelledError and InvalidStateError are made by the native core, which
raises them itself; the rest are plain classes.
"""

from _asyncio import CancelledError, InvalidStateError

__all__ = ('BrokenBarrierError', 'CancelledError', 'IncompleteReadError',
           'InvalidStateError', 'LimitOverrunError', 'SendfileNotAvailableError',
           'TimeoutError', 'QueueEmpty', 'QueueFull')

TimeoutError = TimeoutError


class SendfileNotAvailableError(RuntimeError):
    """sendfile is not available for the given socket or file type."""


class IncompleteReadError(EOFError):
    """The stream ended before the requested number of bytes was read."""

    def __init__(self, partial, expected):
        what = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {what} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """The buffer limit was reached while looking for a separator."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by Queue.put_nowait() on a full queue."""


class BrokenBarrierError(RuntimeError):
    """A Barrier was reset or broken while tasks were waiting on it."""


for _cls in (SendfileNotAvailableError, IncompleteReadError, LimitOverrunError,
             BrokenBarrierError):
    _cls.__module__ = 'asyncio.exceptions'
del _cls
