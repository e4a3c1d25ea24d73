"""Processes with the threading API: each has its own interpreter and its
own GIL, so CPU-bound work runs in parallel.

The public functions here are the methods of the default context (see
context.py): Process, Pool, Queue, Pipe, Lock, Value, Manager, ... all
follow the start method chosen with set_start_method() (fork by default on
Linux).
"""

import sys

from . import context

__all__ = [name for name in dir(context._default_context) if not name.startswith("_")]

globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

if "__mp_main__" in sys.modules:
    sys.modules.setdefault("__mp_main__", sys.modules["__mp_main__"])
