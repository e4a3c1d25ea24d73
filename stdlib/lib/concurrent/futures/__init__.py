"""Execute computations asynchronously using threads or processes."""

# The package gathers the public names of _base (Future, wait, ...) and the
# three executors.  The executors are imported on first use, as CPython does,
# so importing the package starts nothing.

__author__ = "Brian Quinlan (brian@sweetapp.com)"

from ._base import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    BrokenExecutor,
    CancelledError,
    Executor,
    Future,
    InvalidStateError,
    TimeoutError,
    as_completed,
    wait,
)

__all__ = (
    "FIRST_COMPLETED",
    "FIRST_EXCEPTION",
    "ALL_COMPLETED",
    "CancelledError",
    "TimeoutError",
    "BrokenExecutor",
    "Future",
    "Executor",
    "wait",
    "as_completed",
    "ProcessPoolExecutor",
    "ThreadPoolExecutor",
)

# Where the lazily imported names live. InterpreterPoolExecutor (new in
# CPython 3.14) is importable but kept out of __all__ and dir(), which list
# what CPython 3.11 lists.
_LAZY = {
    "ThreadPoolExecutor": "thread",
    "ProcessPoolExecutor": "process",
    "InterpreterPoolExecutor": "interpreter",
}


def __dir__():
    return __all__ + ("__author__", "__doc__")


def __getattr__(name):
    submodule = _LAZY.get(name)
    if submodule is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module("." + submodule, __name__), name)
    globals()[name] = value
    return value
