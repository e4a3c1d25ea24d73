"""Processes with the threading API: each has its own interpreter and its
own GIL, so CPU-bound work runs in parallel.

The public functions here are the methods of the default context (see
context.py): Process, Pool, Queue, Pipe, Lock, Value, Manager, ... all
follow the start method chosen with set_start_method() (fork by default on
Linux).
"""

import sys

from .context import _default_context
from .util import SUBDEBUG, SUBWARNING

# Every public attribute of the default context, bound to it.
__all__ = [name for name in dir(_default_context) if name[0] != "_"]
for _name in __all__:
    globals()[_name] = getattr(_default_context, _name)
del _name

if "__mp_main__" in sys.modules:
    sys.modules.setdefault("__mp_main__", sys.modules["__mp_main__"])
