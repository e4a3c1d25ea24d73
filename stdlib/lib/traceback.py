"""Formatting and printing exceptions and tracebacks, as CPython 3.11's
traceback module does: print_exc(), format_exception() and their kin, the
FrameSummary and StackSummary classes, extract_tb() and print_last().

Where the text comes from. A traceback's entries come from the native
_traceback.extract() (gilt's traceback objects carry no frames) and are
formatted here; the exception's own lines (a SyntaxError's location block,
the "Type: message" line with its "Did you mean" hint, the notes) come from
the interpreter's formatter, so they read exactly as an uncaught exception
does. The lists returned hold CPython's items: one per traceback entry (with
its source line), per chain sentence, per location line, per note line.

The current stack (walk_stack, extract_stack, format_stack, print_stack)
is read from the live frames through sys._getframe.

Not here: walk_tb, StackSummary.extract, TracebackException, and the ~~~^^^ marker lines that
CPython 3.11 draws under a source line (gilt records no column positions).
"""

import sys
import linecache
import _traceback

__all__ = ["extract_stack", "format_stack", "print_stack", "walk_stack", "extract_tb", "format_exc", "format_exception", "format_exception_only",
           "format_list", "format_tb", "print_exc", "print_exception", "print_last",
           "print_list", "print_tb", "FrameSummary", "StackSummary"]

# Stands for "argument not given", since None is a meaningful value.
_MISSING = object()

# After this many identical entries in a row (deep recursion), the rest are
# counted in one "[Previous line repeated N more times]" line.
_SHOWN_REPEATS = 3

_CAUSE_SENTENCE = ("\nThe above exception was the direct cause "
                   "of the following exception:\n\n")
_CONTEXT_SENTENCE = ("\nDuring handling of the above exception, "
                     "another exception occurred:\n\n")


# --- entries --------------------------------------------------------------

class FrameSummary:
    """One entry of a traceback: where (filename, lineno, name) and the
    source line. It also compares and unpacks like the 4-tuple
    (filename, lineno, name, line) that older code used."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None,
                 line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename, self.lineno, self.name = filename, lineno, name
        self.end_lineno, self.colno, self.end_colno = end_lineno, colno, end_colno
        self._line = line
        # Locals are kept as their reprs: the objects may change or die
        # before the summary is printed.
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        if lookup_line:
            self.line  # Read the source now, while the file is as it ran.

    @property
    def line(self):
        """The source line, stripped; None when there is no line number."""
        if self._line is None and self.lineno is not None:
            self._line = linecache.getline(self.filename, self.lineno)
        return None if self._line is None else self._line.strip()

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, tuple):
            return self._as_tuple() == other
        if not isinstance(other, FrameSummary):
            return NotImplemented
        # The source line does not count: it may have been looked up later.
        mine = (self.filename, self.lineno, self.name, self.locals)
        return mine == (other.filename, other.lineno, other.name, other.locals)

    __hash__ = None

    def __getitem__(self, index):
        return self._as_tuple()[index]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(
            self.filename, self.lineno, self.name)


def _summary_of(entry):
    # from_list() takes FrameSummary objects and (file, line, name, source)
    # tuples alike.
    if isinstance(entry, FrameSummary):
        return entry
    filename, lineno, name, line = entry
    return FrameSummary(filename, lineno, name, line=line)


def _repeat_note(extra):
    plural = "s" if extra > 1 else ""
    return f"  [Previous line repeated {extra} more time{plural}]\n"


class StackSummary(list):
    """A list of FrameSummary objects, as a traceback or a stack lists them."""

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary of FrameSummary objects or 4-tuples."""
        summary = klass()
        summary.extend(_summary_of(entry) for entry in a_list)
        return summary

    def format_frame_summary(self, frame_summary):
        """The text of one entry: its location, source line and locals."""
        text = '  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            text += f"    {frame_summary.line}\n"
        for name, value in sorted((frame_summary.locals or {}).items()):
            text += f"    {name} = {value}\n"
        return text

    def format(self):
        """One string per entry, each ending in a newline; long runs of one
        entry (recursion) are cut short with a count of the rest."""
        out, previous, run = [], None, 0
        for entry in self:
            where = (entry.filename, entry.lineno, entry.name)
            if where != previous:
                if run > _SHOWN_REPEATS:
                    out.append(_repeat_note(run - _SHOWN_REPEATS))
                previous, run = where, 0
            run += 1
            if run <= _SHOWN_REPEATS:
                out.append(self.format_frame_summary(entry))
        if run > _SHOWN_REPEATS:
            out.append(_repeat_note(run - _SHOWN_REPEATS))
        return out


def _effective_limit(limit):
    # No limit given: sys.tracebacklimit rules, and a negative one shows
    # no entries at all (not the last ones, as a negative argument does).
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            return 0
    return limit


def extract_tb(tb, limit=None):
    """The entries of traceback `tb`, outermost first, as a StackSummary:
    the first `limit` if it is >= 0, the last -limit if it is negative."""
    found = _traceback.extract(tb)
    limit = _effective_limit(limit)
    if limit is not None:
        found = found[limit:] if limit < 0 else found[:limit]
    return StackSummary.from_list(
        FrameSummary(filename, lineno, name) for filename, lineno, name in found)


def format_list(extracted_list):
    """The printable text of each entry (FrameSummary or 4-tuple)."""
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    """format_list(extract_tb(tb, limit))."""
    return extract_tb(tb, limit).format()


def _write(items, file):
    if file is None:
        file = sys.stderr
    for text in items:
        print(text, file=file, end="")


def print_list(extracted_list, file=None):
    """Print format_list(extracted_list), to sys.stderr by default."""
    _write(format_list(extracted_list), file)


def print_tb(tb, limit=None, file=None):
    """Print the entries of traceback `tb`, to sys.stderr by default."""
    _write(format_tb(tb, limit), file)


# --- the stack of a running program --------------------------------------

def walk_stack(f):
    """(frame, line number) from f (the caller's frame when None) outwards."""
    frame = sys._getframe(1) if f is None else f
    while frame is not None:
        yield frame, frame.f_lineno
        frame = frame.f_back


def extract_stack(f=None, limit=None):
    """The stack from the outermost frame to f (the caller's frame when
    None) as a StackSummary; with a limit, only its last `limit` entries."""
    frame = sys._getframe(1) if f is None else f
    limit = _effective_limit(limit)
    inner_first = []
    for frame, lineno in walk_stack(frame):
        if limit is not None and len(inner_first) >= abs(limit):
            break
        code = frame.f_code
        inner_first.append(FrameSummary(code.co_filename, lineno, code.co_name))
    inner_first.reverse()
    return StackSummary.from_list(inner_first)


def format_stack(f=None, limit=None):
    """format_list(extract_stack(f, limit))."""
    return extract_stack(sys._getframe(1) if f is None else f, limit).format()


def print_stack(f=None, limit=None, file=None):
    """Print the stack up to f (the caller's frame), to sys.stderr by default."""
    _write(format_stack(sys._getframe(1) if f is None else f, limit), file)


# --- exceptions -------------------------------------------------------------

def _note_items(exc):
    # The note lines the interpreter's formatter ends with, as CPython's
    # items: a sequence gives one item per line of each note; anything else
    # gives its repr, without a newline (CPython 3.11 does the same).
    try:
        notes = exc.__notes__
    except Exception:
        return []
    if isinstance(notes, dict) or not hasattr(type(notes), "__getitem__"):
        try:
            return [repr(notes)]
        except Exception:
            return ["<__notes__ repr() failed>"]
    items = []
    for note in notes:
        try:
            text = str(note)
        except Exception:
            text = "<note str() failed>"
        items.extend(line + "\n" for line in text.split("\n"))
    return items


def _group_head(text):
    # The formatter draws a group with its members' boxes; the group's own
    # lines come first, behind a "  | " margin.
    own = []
    for line in text.splitlines(keepends=True):
        if line.startswith("  +-+"):
            break
        own.append(line[4:] if line.startswith("  | ") else line)
    return "".join(own)


def _exception_items(exc):
    # The exception's own lines: a SyntaxError's location lines (indented),
    # then its message as one item however many lines it has, then notes.
    text = _traceback.format_exception(exc, 0, False)
    if isinstance(exc, BaseExceptionGroup):
        text = _group_head(text)
    notes = _note_items(exc)
    tail = "".join(notes)
    if not notes or not text.endswith(tail):
        notes, tail = [], ""
    head = text[:len(text) - len(tail)].splitlines(keepends=True)
    if getattr(exc, "__notes__", ()) is None:
        notes = []  # The formatter prints None's repr; CPython prints nothing.
    located = 0
    while located < len(head) - 1 and head[located].startswith("  "):
        located += 1
    return head[:located] + ["".join(head[located:])] + notes


def _chain(exc, tb):
    # (exception, traceback, sentence) from the oldest cause or context to
    # `exc`; the sentence, printed after its exception, leads into the next
    # one. Each exception comes once, so a cycle ends the walk.
    links, seen = [(exc, tb, "")], {id(exc)}
    while True:
        if exc.__cause__ is not None:
            exc, sentence = exc.__cause__, _CAUSE_SENTENCE
        elif exc.__context__ is not None and not exc.__suppress_context__:
            exc, sentence = exc.__context__, _CONTEXT_SENTENCE
        else:
            break
        if not isinstance(exc, BaseException) or id(exc) in seen:
            break
        seen.add(id(exc))
        links.append((exc, exc.__traceback__, sentence))
    links.reverse()
    return links


def _items(exc, tb, limit, chain):
    out = []
    for link_exc, link_tb, sentence in _chain(exc, tb) if chain else [(exc, tb, "")]:
        entries = extract_tb(link_tb, limit) if link_tb is not None else []
        if entries:
            out.append("Traceback (most recent call last):\n")
            out += entries.format()
        out += _exception_items(link_exc)
        if sentence:
            out.append(sentence)
    return out


def _unpack(exc, value, tb):
    # The 3.10 form takes one exception; the older one (type, value, tb).
    if (value is _MISSING) != (tb is _MISSING):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _MISSING:
        if exc is None:
            return None, None
        if not isinstance(exc, BaseException):
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return exc, exc.__traceback__
    return value, tb


def format_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, chain=True):
    """The lines print_exception() prints, as a list of strings that each
    end in a newline (some hold several lines)."""
    value, tb = _unpack(exc, value, tb)
    if value is None:
        return ["NoneType: None\n"]
    if not isinstance(value, BaseException):
        raise TypeError(f"Exception expected for value, {type(value).__name__} found")
    links = _chain(value, tb) if chain else [(value, tb, "")]
    if any(isinstance(link[0], BaseExceptionGroup) for link in links):
        # Groups are drawn in boxes by the interpreter's own formatter.
        text = _traceback.format_exception(value, _effective_limit(limit), chain)
        return text.splitlines(keepends=True)
    return _items(value, tb, _effective_limit(limit), chain)


def format_exception_only(exc, /, value=_MISSING):
    """The last lines of a report: a SyntaxError's location, the
    "Type: message" line and the notes. Takes an exception, or the old
    (type, value) pair."""
    if value is _MISSING:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    return _exception_items(value)


def print_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, file=None, chain=True):
    """Print an exception with its traceback and chain, as the interpreter
    prints an uncaught one; to sys.stderr by default."""
    _write(format_exception(exc, value, tb, limit=limit, chain=chain), file)


def format_exc(limit=None, chain=True):
    """What print_exc() prints, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (inside an except block)."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception, which the interactive loop keeps
    in sys.last_type, sys.last_value and sys.last_traceback."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit=limit, file=file, chain=chain)
