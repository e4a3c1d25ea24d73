"""Signal handling: the native _signal module with its numbers as enums.

_signal (stdlib/signal_module.cpp) does the work with plain ints. This
module re-exports it and, as CPython does, turns the constants into IntEnum
members: Signals (SIGINT, SIGTERM, ...), Handlers (SIG_DFL, SIG_IGN) and
Sigmasks (SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK). The functions that return
a signal number, a handler or a set of signals are wrapped so that their
results are members too; members are ints, so everything that takes a
number takes them unchanged.
"""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum


def _is_signal_name(name):
    if name.startswith("SIG_") or not name.isupper():
        return False
    return name.startswith("SIG") or name.startswith("CTRL_")


_IntEnum._convert_("Signals", __name__, _is_signal_name)
_IntEnum._convert_("Handlers", __name__, lambda name: name in ("SIG_DFL", "SIG_IGN"))
_IntEnum._convert_("Sigmasks", __name__,
                   lambda name: name in ("SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK"))


def _as_member(value, enum_class):
    """value as a member of enum_class when one has it, else unchanged."""
    try:
        return enum_class(value)
    except ValueError:
        return value


def _as_int(value):
    return int(value) if isinstance(value, _IntEnum) else value


def signal(signalnum, handler):
    """Sets the handler for signalnum; returns the previous one."""
    return _as_member(_signal.signal(_as_int(signalnum), _as_int(handler)), Handlers)



def getsignal(signalnum):
    """The current handler of signalnum: SIG_DFL, SIG_IGN, None or a callable."""
    return _as_member(_signal.getsignal(signalnum), Handlers)


def _signal_set(numbers):
    return {_as_member(number, Signals) for number in numbers}


if hasattr(_signal, "pthread_sigmask"):
    def pthread_sigmask(how, mask):
        """Changes the calling thread's signal mask; returns the old mask."""
        return _signal_set(_signal.pthread_sigmask(how, mask))


if hasattr(_signal, "sigpending"):
    def sigpending():
        """The set of signals pending for the calling thread."""
        return _signal_set(_signal.sigpending())


if hasattr(_signal, "sigwait"):
    def sigwait(sigset):
        """Waits for one of the signals in sigset and returns its number."""
        return _as_member(_signal.sigwait(sigset), Signals)


if hasattr(_signal, "valid_signals"):
    def valid_signals():
        """The set of signal numbers valid on this platform."""
        return _signal_set(_signal.valid_signals())


del _is_signal_name
