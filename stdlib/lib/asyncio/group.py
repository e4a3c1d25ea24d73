"""asyncio.TaskGroup: tasks that live and die together.

Leaving the `async with` block waits for every task made with
create_task(). The first task to fail cancels the others and the body
(through the parent task); every failure is then raised together in an
ExceptionGroup. SystemExit and KeyboardInterrupt are raised as themselves.
"""

from _asyncio import current_task
from .errors import CancelledError
from .loop import get_running_loop

__all__ = ('TaskGroup',)


def _fatal(exc):
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class TaskGroup:

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent = None
        self._parent_cancelled_by_us = False
        self._tasks = set()
        self._errors = []
        self._fatal_error = None
        self._all_done = None

    def __repr__(self):
        parts = []
        if self._tasks:
            parts.append(f'tasks={len(self._tasks)}')
        if self._errors:
            parts.append(f'errors={len(self._errors)}')
        if self._aborting:
            parts.append('cancelling')
        elif self._entered:
            parts.append('entered')
        return '<TaskGroup' + ''.join(' ' + p for p in parts) + '>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has been already entered')
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent = current_task(self._loop)
        if self._parent is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self._exiting = True
        if exc is not None and _fatal(exc) and self._fatal_error is None:
            self._fatal_error = exc
        cancellation = exc if exc_type is CancelledError else None
        if self._parent_cancelled_by_us and self._parent.uncancel() == 0:
            # The CancelledError is the one _on_task_done asked for.
            cancellation = None
        if exc_type is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._all_done is None:
                self._all_done = self._loop.create_future()
            try:
                await self._all_done
            except CancelledError as err:
                if not self._aborting:
                    cancellation = err
                    self._abort()
            self._all_done = None
        if self._fatal_error is not None:
            raise self._fatal_error
        if cancellation is not None and not self._errors:
            raise cancellation
        if exc_type is not None and exc_type is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors, self._errors = self._errors, None
            try:
                raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors) from None
            finally:
                errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        task = self._loop.create_task(coro, name=name, context=context)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    def _abort(self):
        self._aborting = True
        for task in self._tasks:
            if not task.done():
                task.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if not self._tasks and self._all_done is not None and not self._all_done.done():
            self._all_done.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _fatal(exc) and self._fatal_error is None:
            self._fatal_error = exc
        if self._parent.done():
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancelled_by_us:
            self._abort()
            self._parent_cancelled_by_us = True
            self._parent.cancel()
