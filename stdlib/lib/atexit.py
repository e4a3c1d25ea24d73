"""Functions to call when the interpreter exits (CPython's atexit).

The host's finalize step calls _run_exitfuncs() after threading._shutdown()
has joined the non-daemon threads, as Py_FinalizeEx does. The callbacks run
last registered first; an exception in one is reported as CPython reports
it ("Exception ignored in atexit callback: ...") and the rest still run.
"""

import sys

_callbacks = []


def register(func, /, *args, **kwargs):
    """Call func(*args, **kwargs) at exit. Returns func, so this can be a
    decorator."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Remove every registration of func (compared with ==)."""
    _callbacks[:] = [entry for entry in _callbacks if not entry[0] == func]


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            _report(func, exc)


def _report(func, exc):
    import traceback
    # Leave out this module's own frame: CPython calls the callback from C.
    tb = exc.__traceback__.tb_next if exc.__traceback__ is not None else None
    lines = traceback.format_exception(type(exc), exc, tb)
    try:
        sys.stderr.write(f"Exception ignored in atexit callback: {func!r}\n" + "".join(lines))
    except Exception:
        pass


def _clear():
    _callbacks.clear()


def _ncallbacks():
    return len(_callbacks)
