"""Printing and formatting exceptions and their tracebacks (the common part of
CPython's traceback module).

The text comes from the interpreter's own formatter (_traceback), so
traceback.print_exc() prints what an uncaught exception would. Not here:
frame walking (walk_tb, walk_stack, extract_stack, print_stack: gilt's
tracebacks carry no frame objects), TracebackException, print_last, and
CPython 3.11's ~~~^^^ marker lines. The lists that format_exception()
returns join to CPython's text; their items are split by line, except that a
traceback entry keeps its source line with it, as in CPython.
"""

import sys
import linecache
import _traceback

__all__ = ["extract_tb", "format_exc", "format_exception", "format_exception_only",
           "format_list", "format_tb", "print_exc", "print_exception", "print_list",
           "print_tb", "FrameSummary", "StackSummary"]

_sentinel = object()


class FrameSummary:
    """One traceback entry: filename, lineno, name and the source line."""

    __slots__ = ("filename", "lineno", "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = None
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def from_list(cls, a_list):
        result = StackSummary()
        for frame in a_list:
            if not isinstance(frame, FrameSummary):
                filename, lineno, name, line = frame
                frame = FrameSummary(filename, lineno, name, line=line)
            result.append(frame)
        return result

    def format(self):
        result = []
        for frame in self:
            row = f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            if frame.line:
                row += f"    {frame.line}\n"
            result.append(row)
        return result


def _limit(limit):
    # None means sys.tracebacklimit when it is set (a negative one shows nothing).
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    return limit


def extract_tb(tb, limit=None):
    """The entries of traceback `tb` as a StackSummary: the first `limit`
    if it is positive, the last -limit if it is negative."""
    entries = _traceback.extract(tb)
    limit = _limit(limit)
    if limit is not None:
        entries = entries[:limit] if limit >= 0 else entries[limit:]
    return StackSummary.from_list([(f, n, name, None) for f, n, name in entries])


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _value_of(exc, value, tb):
    # print_exception(exc) or the older print_exception(type, value, tb).
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return None, None
    return value, tb


_LINKS = ("The above exception was the direct cause of the following exception:\n",
          "During handling of the above exception, another exception occurred:\n")


def _split(text):
    # Items as CPython's generators yield them: one per line, except that a
    # traceback entry keeps its source line (a SyntaxError's location block
    # has no ", in name" and stays split by line), and the sentence between two
    # chained exceptions comes with its blank lines.
    items = []
    for line in text.splitlines(keepends=True):
        if line.startswith("    ") and items and items[-1].startswith("  File ") \
                and ", in " in items[-1] and items[-1].count("\n") == 1:
            items[-1] += line
        elif line == "\n" and len(items) >= 2 and items[-1] in _LINKS and items[-2] == "\n":
            items[-2:] = ["\n" + items[-1] + "\n"]
        else:
            items.append(line)
    return items


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines that print_exception() would print, as a list of strings."""
    value, tb = _value_of(exc, value, tb)
    if value is None:
        return ["NoneType: None\n"]
    limit = _limit(limit)
    saved = value.__traceback__
    if tb is not saved:
        value.__traceback__ = tb
    try:
        return _split(_traceback.format_exception(value, limit, chain))
    finally:
        if tb is not saved:
            value.__traceback__ = saved


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of a report: the exception type and message."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    # No entries and no chain: the SyntaxError block, the message, the notes.
    return _split(_traceback.format_exception(value, 0, False))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print an exception and its traceback, as an uncaught one is printed."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """print_exc() as a string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (in an except block)."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)
