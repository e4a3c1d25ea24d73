"""Several interpreters in one process, each with its own GIL (PEP 734).

Written for gilt from CPython 3.14's documentation of the module.  Each
interpreter made by create() has its own modules, its own __main__ and its
own GIL, so code running in two of them on two threads runs in parallel.
Nothing is shared between them but copies: exec() runs source text there,
call() sends the callable and its arguments (by pickle, functions by
reference) and brings the result back the same way, prepare_main() binds
copies into its __main__, and Queue objects pass shareable objects.

gilt runs the calls into an interpreter on a thread of its own, which owns
the interpreter; the calling thread waits with its GIL released (CPython
switches the calling thread itself into the interpreter).  What scripts can
see of that: threading.current_thread() inside is that interpreter's main
thread.
"""

import sys
import threading
import types

import _interpreters
from _interpreters import (
    InterpreterError,
    InterpreterNotFoundError,
    NotShareableError,
    is_shareable,
)

from . import _crossinterp
from ._queues import Queue, QueueEmpty, QueueFull, create as create_queue

__all__ = [
    "get_current", "get_main", "create", "list_all", "is_shareable",
    "Interpreter", "InterpreterError", "InterpreterNotFoundError",
    "ExecutionFailed", "NotShareableError",
    "create_queue", "Queue", "QueueEmpty", "QueueFull",
]


class ExecutionFailed(InterpreterError):
    """An exception escaped the code that Interpreter.exec or call ran.

    The exception itself stayed in the other interpreter; `excinfo`
    describes it: type (with __name__, __qualname__, __module__), msg,
    formatted ("Type: message") and errdisplay (its traceback).
    """

    def __init__(self, excinfo):
        formatted = excinfo.formatted or f"{excinfo.type.__name__}: {excinfo.msg}"
        super().__init__(formatted)
        self.excinfo = excinfo

    def __str__(self):
        display = getattr(self.excinfo, "errdisplay", None)
        if not display:
            return super().__str__()
        return f"{super().__str__()}\n\nUncaught in the interpreter:\n\n{display}"


def _excinfo(reply):
    _, name, qualname, module, msg, formatted, display, pickled = reply
    kind = types.SimpleNamespace(__name__=name, __qualname__=qualname, __module__=module)
    info = types.SimpleNamespace(type=kind, msg=msg, formatted=formatted, errdisplay=display)
    info._pickled = pickled
    return info


_WHENCE = {0: "runtime init"}
class Interpreter(_crossinterp.Numbered):
    """One interpreter; Interpreter(id) for the same id is the same object."""

    def __new__(cls, id, /, _whence=None):
        def setup(self):
            self._whence = _WHENCE.get(id, _whence or "stdlib module")

        return cls._for_id(id, setup)

    @property
    def whence(self):
        return self._whence

    def is_running(self):
        """Is the interpreter running code now (the main one always is)?"""
        return _interpreters.is_running(self._id)

    def close(self):
        """Finalize the interpreter (its threads, atexit) and destroy it."""
        _interpreters.destroy(self._id)
        self._forget()

    def _run(self, name, arg):
        _crossinterp._flush()
        return _interpreters.run(self._id, name, arg)

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind copies of the given objects in the interpreter's __main__."""
        names = dict(ns, **kwargs) if ns is not None else kwargs
        reply = self._run("prepare_main", _crossinterp.pack(names))
        if reply is not None:
            raise ExecutionFailed(_excinfo(reply))

    def exec(self, code, /):
        """Run source code (or a function's body) in the interpreter's __main__.

        Blocks until it is done; an exception it raises becomes
        ExecutionFailed here.
        """
        reply = self._run("run_exec", _script_source(code))
        if reply is not None:
            raise ExecutionFailed(_excinfo(reply))

    def call(self, callable, /, *args, **kwargs):
        """Call callable(*args, **kwargs) in the interpreter; return its result."""
        packed = _crossinterp.pack((callable, args, kwargs))
        reply = self._run("run_call", packed)
        if reply[0] == "err":
            raise ExecutionFailed(_excinfo(reply))
        return _crossinterp.unpack(reply[1])

    def call_in_thread(self, callable, /, *args, **kwargs):
        """call() in a new thread, which is started and returned."""

        def task():
            self.call(callable, *args, **kwargs)

        thread = threading.Thread(target=task)
        thread.start()
        return thread


def _script_source(code):
    # exec() takes source text, or a function without parameters whose body
    # is run as a script (its source is read from its file).
    if isinstance(code, str):
        return code
    if isinstance(code, types.FunctionType):
        return _function_body(code)
    raise TypeError(f"expected str or function, got {type(code).__name__}")


def _function_body(fn):
    co = fn.__code__
    # co_flags 0x04/0x08: *args/**kwargs; keyword-only ones have defaults.
    if co.co_argcount or co.co_flags & 0x0C or fn.__kwdefaults__ or fn.__closure__:
        raise ValueError("a function given to exec() must take no arguments and close over nothing")
    import linecache
    import textwrap

    lines = linecache.getlines(co.co_filename)
    start = co.co_firstlineno - 1
    while start < len(lines) and not lines[start].lstrip().startswith("def "):
        start += 1  # decorators
    if start >= len(lines):
        raise ValueError(f"cannot find the source of {fn.__qualname__}")
    header = lines[start]
    indent = len(header) - len(header.lstrip())
    head, _, rest = header.partition(":")
    if rest.strip() and not rest.strip().startswith("#"):
        return rest.strip() + "\n"  # def f(): one_statement
    body = []
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return textwrap.dedent("".join(body))


def create():
    """A new idle interpreter."""
    return Interpreter(_interpreters.create(), _whence="stdlib module")


def list_all():
    """Every interpreter of this process tree."""
    return [Interpreter(id) for id in _interpreters.list_all()]


def get_current():
    """The interpreter this code runs in."""
    return Interpreter(_interpreters.get_current())


def get_main():
    """The main interpreter."""
    return Interpreter(_interpreters.get_main())
