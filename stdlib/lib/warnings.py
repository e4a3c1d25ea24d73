"""warnings: issuing warnings and deciding what happens to them.

warn() and warn_explicit() pass each warning through the filter list
(filterwarnings, simplefilter, resetwarnings) to one of the actions error,
ignore, always, default, module or once; a shown warning goes through
showwarning/formatwarning to stderr in CPython's format. catch_warnings
saves and restores that state around a block, optionally recording the
warnings instead of printing them.

There is no re module here: message and module patterns in filters are
matched by _Pattern, which understands the common regular expression
subset (literals, ., character classes, escapes, * + ? and $)."""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# The filter list: tuples (action, message, category, module, lineno), the
# first match wins. message and module are None (anything), a _Pattern, or
# a plain string (exact match, as the built-in default entries use).
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}

# Bumped on every change to the filters: a module's __warningregistry__
# remembers the version it was filled under and is emptied when it differs,
# so a new filter applies to warnings already seen.
_filters_version = 0


def _filters_mutated():
    global _filters_version
    _filters_version += 1


# --- patterns --------------------------------------------------------------------

_IGNORECASE = 2
_CLASS_ESCAPES = {'d': str.isdigit, 's': str.isspace,
                  'w': lambda c: c.isalnum() or c == '_'}


class _Pattern:
    """A compiled message or module pattern, standing in for re.compile():
    match() anchors at the start, like re's. Supported: literal characters,
    '.', [...] classes with ranges and ^, \\d \\s \\w and escaped
    characters, the quantifiers * + ?, and a final $ or \\Z."""

    def __init__(self, pattern, flags=0):
        self.pattern = pattern
        self.flags = flags
        self._atoms, self._anchored = _parse_pattern(pattern, bool(flags & _IGNORECASE))

    def __repr__(self):
        if self.flags & _IGNORECASE:
            return f"re.compile({self.pattern!r}, re.IGNORECASE)"
        return f"re.compile({self.pattern!r})"

    def __eq__(self, other):
        if not isinstance(other, _Pattern):
            return NotImplemented
        return (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def match(self, text):
        if self.flags & _IGNORECASE:
            text = text.lower()
        return _match_here(self._atoms, 0, text, 0, self._anchored)


def _parse_pattern(pattern, fold):
    """Split pattern into atoms (test, min, max) where test(char) says
    whether one character matches; returns (atoms, anchored_at_end).
    With fold, literals are lowercased (match() lowercases the text)."""
    atoms = []
    anchored = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == '$' and i == len(pattern) - 1 or pattern[i:] == '\\Z':
            anchored = True
            break
        if c == '\\' and i + 1 < len(pattern):
            esc = pattern[i + 1]
            test = _CLASS_ESCAPES.get(esc) or _literal(esc, fold)
            i += 2
        elif c == '[':
            test, i = _parse_class(pattern, i + 1, fold)
        elif c == '.':
            test = lambda ch: ch != '\n'
            i += 1
        else:
            test = _literal(c, fold)
            i += 1
        low, high, i = _parse_quantifier(pattern, i)
        atoms.append((test, low, high))
    return atoms, anchored


def _literal(c, fold):
    if fold:
        c = c.lower()
    return lambda ch: ch == c


def _parse_quantifier(pattern, i):
    q = pattern[i:i + 1]
    if q == '*':
        return 0, None, i + 1
    if q == '+':
        return 1, None, i + 1
    if q == '?':
        return 0, 1, i + 1
    return 1, 1, i


def _parse_class(pattern, i, fold):
    negate = pattern[i:i + 1] == '^'
    if negate:
        i += 1
    ranges = []
    first = True
    while i < len(pattern) and (pattern[i] != ']' or first):
        lo = hi = pattern[i]
        if pattern[i + 1:i + 2] == '-' and pattern[i + 2:i + 3] not in ('', ']'):
            hi = pattern[i + 2]
            i += 3
        else:
            i += 1
        ranges.append((lo.lower(), hi.lower()) if fold else (lo, hi))
        first = False

    def test(ch):
        inside = any(lo <= ch <= hi for lo, hi in ranges)
        return inside != negate
    return test, i + 1


def _match_here(atoms, k, text, pos, anchored):
    """Backtracking match of atoms[k:] against text[pos:]."""
    if k == len(atoms):
        return not anchored or pos == len(text)
    test, low, high = atoms[k]
    count = 0
    while count < low:
        if pos + count >= len(text) or not test(text[pos + count]):
            return False
        count += 1
    # Greedy: take as many as allowed, then give back one at a time.
    most = count
    while (high is None or most < high) and pos + most < len(text) \
            and test(text[pos + most]):
        most += 1
    for taken in range(most, count - 1, -1):
        if _match_here(atoms, k + 1, text, pos + taken, anchored):
            return True
    return False


def _text_matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


# --- filters ---------------------------------------------------------------------

class _OptionError(Exception):
    """Exception used by option processing helpers."""


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    del filters[:]
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front).

    message and module are regular expressions that the start of the
    warning text (case-insensitively) and of the module name must match;
    lineno 0 matches every line. With append true the entry goes last."""
    assert action in _ACTIONS, f"invalid action: {action!r}"
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    message_pattern = _Pattern(message, _IGNORECASE) if message else None
    module_pattern = _Pattern(module) if module else None
    _add_filter((action, message_pattern, category, module_pattern, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front):
    one that matches every message and module."""
    assert action in _ACTIONS, f"invalid action: {action!r}"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    _add_filter((action, None, category, None, lineno), append)


def _add_filter(entry, append):
    # An entry already present moves to the front rather than appearing twice.
    if append:
        if entry not in filters:
            filters.append(entry)
    else:
        if entry in filters:
            filters.remove(entry)
        filters.insert(0, entry)
    _filters_mutated()


# --- issuing ---------------------------------------------------------------------

def _caller_context(stacklevel):
    """(globals, filename, lineno) of the frame stacklevel levels above
    warn()'s caller; past the top of the stack, CPython's stand-in: the sys
    module, file "sys", line 1."""
    try:
        # +1 for this helper; levels below 1 all mean warn()'s caller.
        frame = sys._getframe(max(stacklevel, 1) + 1)
    except ValueError:
        return sys.__dict__, "sys", 1
    return frame.f_globals, frame.f_code.co_filename, frame.f_lineno


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception.

    message is a string or a Warning instance (whose class then is the
    category); stacklevel 2 attributes the warning to the caller of the
    function calling warn(), and so on."""
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not "
                        f"'{type(category).__name__}'")
    module_globals, filename, lineno = _caller_context(stacklevel)
    registry = module_globals.setdefault("__warningregistry__", {})
    module = module_globals.get("__name__", "<string>")
    warn_explicit(message, category, filename, lineno, module, registry,
                  module_globals, source)


def _warn_unawaited_coroutine(coro):
    # The runtime calls this when a coroutine that never ran is destroyed;
    # level 2 is the code that was running at that moment.
    warn(f"coroutine '{coro.__qualname__}' was never awaited", RuntimeWarning,
         stacklevel=2, source=coro)


def _choose_action(text, category, module, lineno):
    """The first filter matching the warning, as (action, entry); entry is
    None when none matches and defaultaction applies."""
    for entry in filters:
        action, msg, cat, mod, line = entry
        # None (match anything) is tested inline: this loop runs per warning.
        if (issubclass(category, cat) and (line == 0 or line == lineno)
                and (msg is None or _text_matches(msg, text))
                and (mod is None or _text_matches(mod, module))):
            return action, entry
    return defaultaction, None


def _seen_before(action, entry, registry, text, category, lineno):
    """Apply the once-only actions: record this warning and say whether it
    has already been shown where the action looks (per line for default,
    per module for module, per process for once)."""
    key = (text, category, lineno)
    if action == "always":
        return False
    if action == "default":
        registry[key] = True
        return False
    if action == "module":
        registry[key] = True
        per_module = (text, category, 0)
        if registry.get(per_module):
            return True
        registry[per_module] = True
        return False
    if action == "once":
        registry[key] = True
        per_process = (text, category)
        if onceregistry.get(per_process):
            return True
        onceregistry[per_process] = True
        return False
    raise RuntimeError(f"Unrecognized action ({action!r}) in warnings.filters:\n {entry}")


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Low-level interface to warnings: the location is given, not taken
    from the stack. registry is the dict that remembers what was shown
    (a module's __warningregistry__); None means nothing is remembered."""
    if not isinstance(lineno, int):
        raise TypeError(f"'{type(lineno).__name__}' object cannot be interpreted "
                        "as an integer")
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version') != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = type(message)
    else:
        text = message
        message = category(message)
    if registry.get((text, category, lineno)):
        return
    action, entry = _choose_action(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if _seen_before(action, entry, registry, text, category, lineno):
        return
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


# --- showing ---------------------------------------------------------------------

class WarningMessage(object):
    """One warning, as passed to the show hooks and recorded by
    catch_warnings(record=True)."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message, self.category = message, category
        self.filename, self.lineno = filename, lineno
        self.file, self.line, self.source = file, line, source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self._category_name!r}, "
                f"filename : {self.filename!r}, lineno : {self.lineno}, "
                f"line : {self.line!r}}}")


def _source_line(msg):
    if msg.line is not None:
        return msg.line
    try:
        import linecache
        return linecache.getline(msg.filename, msg.lineno)
    except Exception:
        return None


def _formatwarnmsg_impl(msg):
    """The standard text: "file:line: Category: message", then the source
    line, stripped and indented, when it can be found."""
    text = f"{msg.filename}:{msg.lineno}: {msg.category.__name__}: {msg.message}\n"
    line = _source_line(msg)
    if line:
        text += f"  {line.strip()}\n"
    if msg.source is not None:
        # Where the object was allocated would need tracemalloc.
        text += (f"{msg.category.__name__}: Enable tracemalloc to get the object "
                 "allocation traceback\n")
    return text


def _showwarnmsg_impl(msg):
    out = sys.stderr if msg.file is None else msg.file
    if out is None:
        return      # no stderr (a detached process): drop the warning
    try:
        out.write(_formatwarnmsg(msg))
    except OSError:
        pass


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno,
                                              None, line))


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


# The originals, so the dispatchers below can tell whether the user has
# replaced the module's showwarning or formatwarning with their own.
_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    hook = showwarning
    if hook is _showwarning_orig:
        _showwarnmsg_impl(msg)
        return
    if not callable(hook):
        raise TypeError("warnings.showwarning() must be set to a function or method")
    hook(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def _formatwarnmsg(msg):
    hook = formatwarning
    if hook is _formatwarning_orig:
        return _formatwarnmsg_impl(msg)
    return hook(msg.message, msg.category, msg.filename, msg.lineno, msg.line)


# --- catch_warnings --------------------------------------------------------------

class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon
    exiting the context.

    record=True replaces showing with appending WarningMessage objects to
    the list that `as` binds. action (with category, lineno, append) runs
    simplefilter on entry. module is the warnings module to act on."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning,
                 lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        shown = ["record=True"] if self._record else []
        if self._module is not sys.modules['warnings']:
            shown.append(f"module={self._module!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def __enter__(self):
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        mod = self._module
        self._saved = (mod.filters, mod.showwarning, mod._showwarnmsg_impl)
        mod.filters = mod.filters[:]
        mod._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []
        mod._showwarnmsg_impl = log.append
        # A user's showwarning would bypass the recording.
        mod.showwarning = mod._showwarning_orig
        return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        mod = self._module
        mod.filters, mod.showwarning, mod._showwarnmsg_impl = self._saved
        mod._filters_mutated()
