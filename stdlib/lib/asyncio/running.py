"""asyncio.run and asyncio.Runner: a fresh loop around a main coroutine.

Runner makes the loop lazily, runs coroutines in it as tasks (sharing one
copied Context), and on close cancels what is left, shuts down the
default executor and closes the loop. In the main thread, Ctrl-C cancels
the main task first; a second Ctrl-C raises KeyboardInterrupt at once.
"""

import contextvars
import enum
import functools
import signal
import threading

from _asyncio import all_tasks
from .kinds import iscoroutine
from .errors import CancelledError
from .loop import _get_running_loop, new_event_loop, set_event_loop
from .tasks import gather

__all__ = ('Runner', 'run')


class _Stage(enum.Enum):
    CREATED = 'created'
    INITIALIZED = 'initialized'
    CLOSED = 'closed'


class Runner:

    def __init__(self, *, debug=None, loop_factory=None):
        self._stage = _Stage.CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupts = 0
        self._installed_loop = False

    def __enter__(self):
        self._ensure_loop()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()

    def get_loop(self):
        self._ensure_loop()
        return self._loop

    def close(self):
        if self._stage is not _Stage.INITIALIZED:
            return
        loop = self._loop
        try:
            _cancel_leftovers(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._installed_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._stage = _Stage.CLOSED

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f'a coroutine was expected, got {coro!r}')
        if _get_running_loop() is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._ensure_loop()
        task = self._loop.create_task(coro, context=context or self._context)
        previous = None
        if (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler):
            previous = signal.signal(signal.SIGINT,
                                     functools.partial(self._on_sigint, main_task=task))
        self._interrupts = 0
        try:
            return self._loop.run_until_complete(task)
        except CancelledError:
            if self._interrupts > 0 and task.uncancel() == 0:
                raise KeyboardInterrupt()
            raise
        finally:
            if previous is not None and signal.getsignal(signal.SIGINT) is not previous:
                signal.signal(signal.SIGINT, signal.default_int_handler)

    def _ensure_loop(self):
        if self._stage is _Stage.CLOSED:
            raise RuntimeError('Runner is closed')
        if self._stage is _Stage.INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._installed_loop:
                set_event_loop(self._loop)
                self._installed_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._context = contextvars.copy_context()
        self._stage = _Stage.INITIALIZED

    def _on_sigint(self, signum, frame, main_task):
        self._interrupts += 1
        if self._interrupts == 1 and not main_task.done():
            main_task.cancel()
            self._loop.call_soon_threadsafe(lambda: None)
            return
        raise KeyboardInterrupt()


def _cancel_leftovers(loop):
    left = all_tasks(loop)
    if not left:
        return
    for task in left:
        task.cancel()
    loop.run_until_complete(gather(*left, return_exceptions=True))
    for task in left:
        if not task.cancelled() and task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


def run(main, *, debug=None):
    """Runs the coroutine `main` in a new event loop and returns its result."""
    if _get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    with Runner(debug=debug) as runner:
        return runner.run(main)
