"""How asyncio's objects describe themselves: the reprs of futures and
tasks, and callback descriptions in error reports (CPython's wording, so
logs read the same). The native core calls future_repr for Future and Task.
"""

import functools
import _asyncio


def _short(obj, limit=60):
    text = repr(obj)
    if len(text) <= limit:
        return text
    keep = (limit - 3) // 2
    return text[:keep] + '...' + text[len(text) - (limit - 3 - keep):]


def _where(func):
    while isinstance(func, functools.partial):
        func = func.func
    code = getattr(func, '__code__', None)
    if code is None:
        return ''
    return f' at {code.co_filename}:{code.co_firstlineno}'


def _call_text(func, args, kwargs=None):
    if isinstance(func, functools.partial):
        inner = _call_text(func.func, func.args, func.keywords)
        return inner + _arg_list(args, kwargs) if args or kwargs else inner
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', None)
    if name is None:
        name = repr(func)
    return name + _arg_list(args, kwargs)


def _arg_list(args, kwargs):
    parts = [_short(a, 20) for a in args or ()]
    parts += [f'{k}={_short(v, 20)}' for k, v in (kwargs or {}).items()]
    return '(' + ', '.join(parts) + ')'


def callback_text(func, args):
    """'f(1, 2) at file.py:3', as CPython names a callback."""
    return _call_text(func, args) + _where(func)


def coro_text(coro):
    name = getattr(coro, '__qualname__', None) or type(coro).__name__
    name += '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if code is None:
        return name
    line = _asyncio._coro_line(coro)
    if line is not None:
        return f'{name} running at {code.co_filename}:{line}'
    return f'{name} done, defined at {code.co_filename}:{code.co_firstlineno}'


def _callback_name(fn):
    if isinstance(fn, _asyncio.Task):
        return 'Task.task_wakeup()'
    return callback_text(fn, ())


def _callbacks_part(callbacks):
    names = [_callback_name(fn) for fn, _ in callbacks]
    if len(names) > 2:
        names = [names[0], f'<{len(names) - 2} more>', names[-1]]
    return 'cb=[' + ', '.join(names) + ']'


def _state_parts(fut):
    parts = [fut._state.lower()]
    if fut._state == 'FINISHED':
        if fut._exception is not None:
            parts.append(f'exception={fut._exception!r}')
        else:
            parts.append(f'result={_short(fut._result)}')
    callbacks = fut._callbacks
    if callbacks:
        parts.append(_callbacks_part(callbacks))
    return parts


def future_repr(fut):
    parts = _state_parts(fut)
    if isinstance(fut, _asyncio.Task):
        if fut._must_cancel:
            parts[0] = 'cancelling'
        parts.insert(1, f'name={fut.get_name()!r}')
        parts.insert(2, f'coro=<{coro_text(fut._coro)}>')
        if fut._fut_waiter is not None:
            parts.insert(3, f'wait_for={fut._fut_waiter!r}')
    return f"<{type(fut).__name__} {' '.join(parts)}>"


def handle_text(handle):
    """What 'Exception in callback ...' and slow-callback warnings name."""
    if isinstance(handle, _asyncio.Future):
        return repr(handle)
    if isinstance(handle, _asyncio.Handle):
        if handle._callback is None:
            return repr(handle)
        return callback_text(handle._callback, handle._args)
    return callback_text(handle, ())


def handle_repr(handle):
    text = handle_text(handle)
    return f'<{type(handle).__name__} {text}>'


def task_stack(task, limit, file, printing):
    """Task.get_stack() (printing false) and Task.print_stack().

    A suspended coroutine shows its own frame (and a running one the frames
    that called it); a finished task that failed shows the frames of its
    exception's traceback; a task done otherwise has no stack.
    """
    coro = task.get_coro()
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    exc = None if task.cancelled() or not task.done() else task.exception()
    frames = []
    if frame is not None:
        while frame is not None and (limit is None or limit <= 0 or len(frames) < limit):
            frames.append(frame)
            frame = frame.f_back
        frames.reverse()
    elif exc is not None:
        tb = exc.__traceback__
        while tb is not None and (limit is None or len(frames) < limit):
            frames.append(tb.tb_frame)
            tb = tb.tb_next
    if not printing:
        return frames
    return _print_stack(task, frames, exc, file)


def _print_stack(task, frames, exc, file):
    import linecache
    import sys
    import traceback
    if file is None:
        file = sys.stderr
    entries = []
    for frame in frames:
        code = frame.f_code
        text = linecache.getline(code.co_filename, frame.f_lineno, frame.f_globals)
        entries.append((code.co_filename, frame.f_lineno, code.co_name, text))
    if not entries:
        print(f'No stack for {task!r}', file=file)
        return None
    title = 'Traceback' if exc is not None else 'Stack'
    print(f'{title} for {task!r} (most recent call last):', file=file)
    traceback.print_list(entries, file=file)
    if exc is not None:
        for line in traceback.format_exception_only(type(exc), exc):
            print(line, file=file, end='')
    return None
