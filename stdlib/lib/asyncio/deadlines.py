"""asyncio.timeout / timeout_at: a deadline for the enclosed block.

At the deadline the current task is cancelled; leaving the block with the
CancelledError that caused turns it into TimeoutError. The task's
cancelling() count tells that cancellation from one requested from
outside, which still propagates as CancelledError.
"""

import enum

from _asyncio import current_task
from .errors import CancelledError
from .loop import get_running_loop

__all__ = ('Timeout', 'timeout', 'timeout_at')


class _Phase(enum.Enum):
    CREATED = 'created'
    ENTERED = 'active'
    EXPIRING = 'expiring'
    EXPIRED = 'expired'
    EXITED = 'finished'


class Timeout:
    """The context manager timeout() and timeout_at() return."""

    def __init__(self, when):
        self._phase = _Phase.CREATED
        self._when = when
        self._timer = None
        self._task = None
        self._cancelling_before = 0

    def when(self):
        return self._when

    def expired(self):
        return self._phase in (_Phase.EXPIRING, _Phase.EXPIRED)

    def reschedule(self, when):
        if self._phase is not _Phase.ENTERED:
            raise RuntimeError(f'Cannot change state of {self._phase.value} Timeout')
        self._when = when
        self._disarm()
        if when is None:
            return
        loop = get_running_loop()
        if when <= loop.time():
            self._timer = loop.call_soon(self._fire)
        else:
            self._timer = loop.call_at(when, self._fire)

    def _disarm(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _fire(self):
        self._task.cancel()
        self._phase = _Phase.EXPIRING
        self._timer = None

    def __repr__(self):
        extra = ''
        if self._phase is _Phase.ENTERED:
            when = None if self._when is None else round(self._when, 3)
            extra = f' when={when}'
        return f'<Timeout [{self._phase.value}]{extra}>'

    async def __aenter__(self):
        self._phase = _Phase.ENTERED
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self._cancelling_before = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self._disarm()
        if self._phase is _Phase.EXPIRING:
            self._phase = _Phase.EXPIRED
            ours = self._task.uncancel() <= self._cancelling_before
            if ours and exc_type is CancelledError:
                raise TimeoutError from exc
        elif self._phase is _Phase.ENTERED:
            self._phase = _Phase.EXITED
        return None


def timeout(delay):
    """A Timeout `delay` seconds from now (None: never)."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """A Timeout at loop time `when` (None: never)."""
    return Timeout(when)
