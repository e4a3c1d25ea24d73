"""Command-line parsing: declare the arguments, get a Namespace back, and
usage, help and error messages as CPython's argparse prints them.

    parser = ArgumentParser(prog="tool", description="...")
    parser.add_argument("files", nargs="+")                  # positional
    parser.add_argument("-v", "--verbose", action="count")   # optional
    args = parser.parse_args()                               # sys.argv[1:]

How parse_args reads the command line (_Parse below):

 1. Each string is classified: 'O' for an option that names (or could
    name) an optional argument, 'A' for anything else, '-' for the first
    '--' (everything after it is 'A').
 2. Walking left to right, the positionals before the next option take as
    many strings as their nargs allow, greedily but leaving enough for the
    positionals after them (_Nargs.split, a small backtracking matcher
    over the classification string: gilt has no re module, and CPython
    does this with regular expressions); the option then takes its own
    arguments, from '=value', from the rest of a '-xvalue' cluster, or
    from the strings that follow it.
 3. Unconsumed strings are 'extras': an error for parse_args, returned by
    parse_known_args. Then required arguments and required mutually
    exclusive groups are checked, and defaults given as strings are
    converted with the argument's type.

Errors print the usage and 'PROG: error: MESSAGE' to stderr and exit with
status 2; --help and --version print to stdout and exit with status 0.
"""

import os as _os
import sys as _sys

__all__ = [
    "ArgumentParser", "ArgumentError", "ArgumentTypeError", "BooleanOptionalAction",
    "FileType", "HelpFormatter", "ArgumentDefaultsHelpFormatter", "RawDescriptionHelpFormatter",
    "RawTextHelpFormatter", "MetavarTypeHelpFormatter", "Namespace", "Action", "ONE_OR_MORE",
    "OPTIONAL", "PARSER", "REMAINDER", "SUPPRESS", "ZERO_OR_MORE",
]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."
_UNRECOGNIZED_ARGS_ATTR = "_unrecognized_args"


# ---- errors and the namespace ------------------------------------------------

def _action_name(action):
    """How messages name an argument: its option strings, metavar, dest or
    choices; None when it has none of them."""
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    for candidate in (action.metavar, action.dest):
        if candidate not in (None, SUPPRESS):
            return candidate
    if action.choices:
        return "{" + ",".join(action.choices) + "}"
    return None


class ArgumentError(Exception):
    """A problem with one argument (or with the command line as a whole
    when argument is None)."""

    def __init__(self, argument, message):
        self.argument_name = _action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by a type function to reject a value with its own message."""


class _AttributeHolder(object):
    """repr() as ClassName(positional, name=value, ...)."""

    def __repr__(self):
        shown = [repr(arg) for arg in self._get_args()]
        odd = {}
        for name, value in self._get_kwargs():
            if name.isidentifier():
                shown.append("%s=%r" % (name, value))
            else:
                odd[name] = value
        if odd:
            shown.append("**%s" % repr(odd))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


class Namespace(_AttributeHolder):
    """The parsed values, as attributes."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


# ---- actions -------------------------------------------------------------------

class Action(_AttributeHolder):
    """What an argument does with its values: the base of every action.

    option_strings: ['-f', '--foo'], or [] for a positional; dest: the
    attribute it sets; nargs: how many strings it takes (None: one; '?',
    '*', '+', an int, REMAINDER); const, default, type, choices,
    required, help, metavar: as add_argument documents them."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest, self.nargs, self.const, self.default = dest, nargs, const, default
        self.type, self.choices, self.required = type, choices, required
        self.help, self.metavar = help, metavar

    def _get_kwargs(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices",
                 "required", "help", "metavar"]
        return [(name, getattr(self, name)) for name in names]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


def _copy_list(items):
    """A new list to append to: the namespace's current one is never changed
    in place (it may be a default shared by several parses)."""
    if isinstance(items, list) or items is None:
        return list(items or ())
    import copy
    return copy.copy(items)


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to "
                             "store, actions such as store true or store const may be more "
                             "appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        super().__init__(option_strings, dest, nargs, const, default, type, choices, required,
                         help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, const=True, default=default, required=required,
                         help=help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        super().__init__(option_strings, dest, const=False, default=default, required=required,
                         help=help)


class _AppendAction(_StoreAction):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for append actions must be != 0; if arg strings are not "
                             "supplying the value to append, the append const action may be "
                             "more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        Action.__init__(self, option_strings, dest, nargs, const, default, type, choices,
                        required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_list(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_list(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_list(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, required=required,
                         help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, (count or 0) + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        text = self.version if self.version is not None else getattr(parser, "version", None)
        formatter = parser._get_formatter()
        formatter.add_text(text)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    """--flag sets True, --no-flag sets False."""

    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        both = []
        for option in option_strings:
            both.append(option)
            if option.startswith("--"):
                both.append("--no-" + option[2:])
        if help is not None and default is not None and default is not SUPPRESS:
            help += " (default: %(default)s)"
        super().__init__(both, dest, nargs=0, default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))

    def format_usage(self):
        return " | ".join(self.option_strings)


class _SubParsersAction(Action):
    """The positional that picks a sub-command: its value is the command's
    name and the rest of the command line goes to that command's parser."""

    class _ChoicesPseudoAction(Action):
        def __init__(self, name, aliases, help):
            metavar = name
            if aliases:
                metavar += " (%s)" % ", ".join(aliases)
            super().__init__(option_strings=[], dest=name, help=help, metavar=metavar)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings, dest, nargs=PARSER, choices=self._name_parser_map,
                         required=required, help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        aliases = kwargs.pop("aliases", ())
        if name in self._name_parser_map:
            raise ArgumentError(self, "conflicting subparser: %s" % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(self, "conflicting subparser alias: %s" % alias)
        if "help" in kwargs:
            self._choices_actions.append(
                self._ChoicesPseudoAction(name, aliases, kwargs.pop("help")))
        parser = self._parser_class(**kwargs)
        for key in (name,) + tuple(aliases):
            self._name_parser_map[key] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        name, rest = values[0], values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, name)
        chosen = self._name_parser_map.get(name)
        if chosen is None:
            raise ArgumentError(self, "unknown parser %r (choices: %s)"
                                % (name, ", ".join(self._name_parser_map)))
        inner, leftover = chosen.parse_known_args(rest, None)
        for key, value in vars(inner).items():
            setattr(namespace, key, value)
        if leftover:
            vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, []).extend(leftover)


class FileType(object):
    """A `type` that opens the named file ('-' is stdin or stdout)."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode, self._bufsize = mode, bufsize
        self._encoding, self._errors = encoding, errors

    def __call__(self, string):
        if string == "-":
            if "r" in self._mode:
                return _sys.stdin.buffer if "b" in self._mode else _sys.stdin
            if any(c in self._mode for c in "wax"):
                return _sys.stdout.buffer if "b" in self._mode else _sys.stdout
            raise ValueError('argument "-" with mode %r' % self._mode)
        try:
            return open(string, self._mode, self._bufsize, self._encoding, self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        shown = [repr(self._mode)] if self._mode != "r" or True else []
        if self._bufsize != -1:
            shown.append(repr(self._bufsize))
        for name, value in (("encoding", self._encoding), ("errors", self._errors)):
            if value is not None:
                shown.append("%s=%r" % (name, value))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))


_ACTIONS = {
    None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction, "store_false": _StoreFalseAction, "append": _AppendAction,
    "append_const": _AppendConstAction, "count": _CountAction, "help": _HelpAction,
    "version": _VersionAction, "parsers": _SubParsersAction, "extend": _ExtendAction,
}


# ---- help formatting -------------------------------------------------------------

def _collapse(text):
    return " ".join(text.split())


def _usage_parts(text):
    """The usage text cut into the pieces a line break may fall between:
    a bracketed group ('[-a | -b]', '(x | y)') stays one piece."""
    parts = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == " ":
            i += 1
            continue
        j = i
        if text[i] in "[(":
            closer = "]" if text[i] == "[" else ")"
            k = text.find(closer, i)
            while k >= 0:
                end = k
                while end + 1 < n and text[end + 1] == closer:
                    end += 1
                if end + 1 >= n or text[end + 1] == " ":
                    j = end + 1
                    break
                k = text.find(closer, end + 1)
        if j == i:
            j = text.find(" ", i)
            if j < 0:
                j = n
        parts.append(text[i:j])
        i = j
    return parts


class HelpFormatter(object):
    """Lays out usage and help text for a width (the terminal's, less 2).

    Sections hold items (text, usage, one argument each) and are rendered
    at the end, when the widest argument is known: help texts then start
    in one column (at most max_help_position)."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            import shutil
            width = shutil.get_terminal_size().columns - 2
        self._width, self._prog = width, prog
        self._indent_increment = indent_increment
        # Help text starts at most this far right, and never so far that
        # less than 20 columns are left for it.
        self._max_help_position = min(max_help_position, max(width - 20, 2 * indent_increment))
        self._current_indent = self._action_max_length = 0
        self._root = self._Section(self, None)
        self._section = self._root

    # --- what subclasses override ---

    def _get_default_metavar_for_positional(self, action):
        return action.dest

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_help_string(self, action):
        return action.help

    class _Section(object):
        def __init__(self, formatter, parent, heading=None):
            self.formatter, self.parent, self.heading = formatter, parent, heading
            self.items = []

        def format_help(self):
            nested = self.parent is not None
            if nested:
                self.formatter._indent()
            body = "".join(render(*args) for render, args in self.items)
            if nested:
                self.formatter._dedent()
            if not body:
                return ""
            title = ""
            if self.heading is not SUPPRESS and self.heading is not None:
                title = "%s%s:\n" % (" " * self.formatter._current_indent, self.heading)
            return "\n" + title + body + "\n"

    def _indent(self):
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._current_indent -= self._indent_increment
        assert self._current_indent >= 0, "Indent decreased below 0."

    # --- what callers add ---

    def start_section(self, heading):
        self._indent()
        section = self._Section(self, self._section, heading)
        self._section.items.append((section.format_help, ()))
        self._section = section

    def end_section(self):
        self._section = self._section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._section.items.append((self._format_text, (text,)))

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._section.items.append((self._format_usage, (usage, actions, groups, prefix)))

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        widest = len(self._format_action_invocation(action)) + self._current_indent
        self._indent()
        for sub in self._iter_indented_subactions(action):
            widest = max(widest, len(self._format_action_invocation(sub)) +
                         self._current_indent)
        self._dedent()
        self._action_max_length = max(self._action_max_length, widest)
        self._section.items.append((self._format_action, (action,)))

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = self._root.format_help()
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        text = text.strip("\n")
        return text + "\n" if text else text

    # --- usage ---

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        prog = self._prog
        if usage is not None:
            usage = usage % dict(prog=prog)
        elif not actions:
            usage = prog
        else:
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            everything = self._format_actions_usage(optionals + positionals, groups)
            usage = " ".join(s for s in (prog, everything) if s)
            room = self._width - self._current_indent
            if len(prefix) + len(usage) > room:
                usage = self._wrap_usage(prog, prefix, room,
                                         _usage_parts(self._format_actions_usage(optionals, groups)),
                                         _usage_parts(self._format_actions_usage(positionals, groups)))
        return "%s%s\n\n" % (prefix, usage)

    @staticmethod
    def _lines(parts, indent, room, prefix=None):
        lines, line = [], []
        used = (len(prefix) if prefix is not None else len(indent)) - 1
        for part in parts:
            if line and used + 1 + len(part) > room:
                lines.append(indent + " ".join(line))
                line, used = [], len(indent) - 1
            line.append(part)
            used += len(part) + 1
        if line:
            lines.append(indent + " ".join(line))
        if prefix is not None:
            lines[0] = lines[0][len(indent):]
        return lines

    def _wrap_usage(self, prog, prefix, room, opt_parts, pos_parts):
        if len(prefix) + len(prog) <= 0.75 * room:
            indent = " " * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = self._lines([prog] + opt_parts, indent, room, prefix)
                lines += self._lines(pos_parts, indent, room)
            elif pos_parts:
                lines = self._lines([prog] + pos_parts, indent, room, prefix)
            else:
                lines = [prog]
        else:
            indent = " " * len(prefix)
            lines = self._lines(opt_parts + pos_parts, indent, room)
            if len(lines) > 1:
                lines = self._lines(opt_parts, indent, room) + self._lines(pos_parts, indent, room)
            lines = [prog] + lines
        return "\n".join(lines)

    def _format_actions_usage(self, actions, groups):
        # Where the mutually exclusive groups open, separate and close.
        opens, closes, bars = {}, {}, set()
        grouped = set()
        for group in groups:
            members = group._group_actions
            if not members:
                raise ValueError("empty group %s" % group)
            if members[0] not in actions:
                continue
            start = actions.index(members[0])
            end = start + len(members)
            if actions[start:end] != members:
                continue
            grouped.update(members)
            shown = [a for a in members if a.help is not SUPPRESS]
            if not group.required:
                bracket = "[]"
            elif len(shown) > 1:
                bracket = "()"
            else:
                bracket = None
            if bracket:
                opens[start] = opens.get(start, "") + bracket[0]
                closes[end - 1] = closes.get(end - 1, "") + bracket[1]
            for i in range(start + 1, end):
                bars.add(i)
        pieces = []
        pending_bar = False
        for i, action in enumerate(actions):
            if i in bars:
                pending_bar = True
            if action.help is SUPPRESS:
                if i in opens or i in closes:
                    pieces.append((opens.get(i, ""), None, closes.get(i, "")))
                continue
            if not action.option_strings:
                part = self._format_args(action, self._get_default_metavar_for_positional(action))
                if action in grouped and part[:1] == "[" and part[-1:] == "]":
                    part = part[1:-1]
            else:
                if action.nargs == 0:
                    part = action.format_usage()
                else:
                    metavar = self._get_default_metavar_for_optional(action)
                    part = "%s %s" % (action.option_strings[0], self._format_args(action, metavar))
                if not action.required and action not in grouped:
                    part = "[%s]" % part
            if pending_bar and pieces:
                pieces.append((None, "|", None))
            pending_bar = False
            pieces.append((opens.get(i, ""), part, closes.get(i, "")))
        words = []
        for before, part, after in pieces:
            text = (before or "") + (part or "") + (after or "")
            if text:
                words.append(text)
        text = " ".join(words)
        for empty in ("[]", "()"):
            text = text.replace(empty, "")
        return " ".join(text.split())

    # --- text and arguments ---

    def _format_text(self, text):
        if "%(prog)" in text:
            text = text % dict(prog=self._prog)
        room = max(self._width - self._current_indent, 11)
        return self._fill_text(text, room, " " * self._current_indent) + "\n\n"

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        invocation = self._format_action_invocation(action)
        lead = " " * self._current_indent
        if not action.help:
            parts = [lead + invocation + "\n"]
        elif len(invocation) <= action_width:
            parts = [lead + invocation.ljust(action_width) + "  "]
            first_indent = 0
        else:
            parts = [lead + invocation + "\n"]
            first_indent = help_position
        if action.help and action.help.strip():
            text = self._expand_help(action)
            if text:
                lines = self._split_lines(text, help_width)
                parts.append(" " * first_indent + lines[0] + "\n")
                parts.extend(" " * help_position + line + "\n" for line in lines[1:])
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return "".join(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            return self._metavar_formatter(action, self._get_default_metavar_for_positional(action))(1)[0]
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join("%s %s" % (option, args) for option in action.option_strings)

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            shown = action.metavar
        elif action.choices is not None:
            shown = "{%s}" % ",".join(str(choice) for choice in action.choices)
        else:
            shown = default_metavar

        def repeated(count):
            return shown if isinstance(shown, tuple) else (shown,) * count
        return repeated

    def _format_args(self, action, default_metavar):
        metavars = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return "%s" % metavars(1)
        if nargs == OPTIONAL:
            return "[%s]" % metavars(1)
        if nargs == ZERO_OR_MORE:
            names = metavars(1)
            return "[%s [%s ...]]" % names if len(names) == 2 else "[%s ...]" % names
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % metavars(2)
        if nargs == REMAINDER:
            return "..."
        if nargs == PARSER:
            return "%s ..." % metavars(1)
        if nargs == SUPPRESS:
            return ""
        try:
            slots = ["%s"] * nargs
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return " ".join(slots) % metavars(nargs)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
            elif hasattr(params[name], "__name__"):
                params[name] = params[name].__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(c) for c in params["choices"])
        return self._get_help_string(action) % params

    def _iter_indented_subactions(self, action):
        subactions = getattr(action, "_get_subactions", None)
        if subactions is None:
            return
        self._indent()
        yield from subactions()
        self._dedent()

    def _split_lines(self, text, width):
        import textwrap
        return textwrap.wrap(_collapse(text), width)

    def _fill_text(self, text, width, indent):
        import textwrap
        return textwrap.fill(_collapse(text), width, initial_indent=indent,
                             subsequent_indent=indent)



class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description's and epilog's own line breaks."""

    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps the line breaks of every help text."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds ' (default: VALUE)' to the help of arguments that have one."""

    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ""
        if "%(default)" not in text and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += " (default: %(default)s)"
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names values by their type's name (int, str) instead of dest."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---- containers of arguments ---------------------------------------------------

class _ActionsContainer(object):
    """What parsers and argument groups share: add_argument and the tables
    it fills."""

    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._registries = {"action": dict(_ACTIONS), "type": {None: lambda text: text}}
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []
        if conflict_handler not in ("error", "resolve"):
            raise ValueError("invalid conflict_resolution value: %r" % conflict_handler)

    def add_argument_group(self, *args, **kwargs):
        made = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(made)
        return made

    def add_mutually_exclusive_group(self, **kwargs):
        made = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(made)
        return made

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    def add_argument(self, *args, **kwargs):
        """add_argument('name') or add_argument('-f', '--foo'), with the
        keywords action, nargs, const, default, type, choices, required,
        help, metavar, dest, version."""
        if not args or (len(args) == 1 and args[0][:1] not in tuple(self.prefix_chars)):
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)
        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_class = self._pop_action_class(kwargs)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)
        type_func = self._registry_get("type", action.type, action.type)
        if not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        if type_func is FileType:
            raise ValueError("%r is a FileType class object, instance of it must be passed"
                             % (type_func,))
        self._check_metavar(action)
        return self._add_action(action)

    def _check_metavar(self, action):
        # A tuple metavar must have one name per argument: formatting the
        # usage now finds a mismatch before any parse does.
        make_formatter = getattr(self, "_get_formatter", None)
        if make_formatter is None:
            return
        try:
            make_formatter()._format_args(action, None)
        except TypeError:
            raise ValueError("length of metavar tuple does not match nargs")

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in (a for a in self._actions if a.dest in kwargs):
            action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest)

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for option in action.option_strings:
            self._option_string_actions[option] = action
            if _looks_negative(option) and not self._has_negative_number_optionals:
                self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        titles = {group.title: group for group in self._action_groups}
        group_map = {}
        for group in container._action_groups:
            if group.title not in titles:
                titles[group.title] = self.add_argument_group(
                    title=group.title, description=group.description,
                    conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                group_map[action] = titles[group.title]
        for group in container._mutually_exclusive_groups:
            mutex = self.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                group_map[action] = mutex
        for action in container._actions:
            group_map.get(action, self)._add_action(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get("nargs")
        if nargs not in (OPTIONAL, ZERO_OR_MORE) or (nargs == ZERO_OR_MORE and
                                                    "default" not in kwargs):
            kwargs["required"] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        options, longs = [], []
        for option in args:
            if not option or option[0] not in self.prefix_chars:
                raise ValueError("invalid option string %r: must start with a character %r"
                                 % (option, self.prefix_chars))
            options.append(option)
            if len(option) > 1 and option[1] in self.prefix_chars:
                longs.append(option)
        dest = kwargs.pop("dest", None)
        if dest is None:
            dest = (longs or options)[0].lstrip(self.prefix_chars)
            if not dest:
                raise ValueError("dest= is required for options like %r" % (longs or options)[0])
            dest = dest.replace("-", "_")
        return dict(kwargs, dest=dest, option_strings=options)

    def _pop_action_class(self, kwargs, default=None):
        action = kwargs.pop("action", default)
        return self._registry_get("action", action, action)

    def _check_conflict(self, action):
        clashes = [(option, self._option_string_actions[option])
                   for option in action.option_strings if option in self._option_string_actions]
        if not clashes:
            return
        if self.conflict_handler == "error":
            listed = ", ".join(option for option, _ in clashes)
            word = "string" if len(clashes) == 1 else "strings"
            raise ArgumentError(action, "conflicting option %s: %s" % (word, listed))
        for option, other in clashes:
            other.option_strings.remove(option)
            self._option_string_actions.pop(option, None)
            if not other.option_strings:
                other.container._remove_action(other)


def _looks_negative(text):
    """'-1', '-2.5', '-.5': a negative number rather than an option."""
    if len(text) < 2 or text[0] != "-":
        return False
    body = text[1:]
    if body.count(".") > 1 or body == ".":
        return False
    return body.replace(".", "", 1).isdigit()


class _ArgumentGroup(_ActionsContainer):
    """A titled section of the help; its arguments belong to the parser."""

    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault("conflict_handler", container.conflict_handler)
        kwargs.setdefault("prefix_chars", container.prefix_chars)
        kwargs.setdefault("argument_default", container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        # The tables are the parser's own: a group only remembers which
        # arguments were added through it.
        for shared in ("_registries", "_actions", "_option_string_actions", "_defaults",
                       "_has_negative_number_optionals", "_mutually_exclusive_groups"):
            setattr(self, shared, getattr(container, shared))

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    """Arguments of which at most one (exactly one, if required) may be given."""

    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        added = self._container._add_action(action)
        self._group_actions.append(added)
        return added

    def _remove_action(self, action):
        self._group_actions.remove(action)
        self._container._remove_action(action)


# ---- matching nargs --------------------------------------------------------------

class _Nargs:
    """How many strings each of several arguments takes, decided over the
    classification string ('A', 'O', '-' per command-line string) the way
    CPython's regular expressions for nargs decide it: each argument is a
    sequence of atoms (a character set with '1', '?' or '*'), atoms are
    greedy, and the first combination found wins."""

    @staticmethod
    def atoms(action):
        nargs = action.nargs
        dash, arg = ("-", "*"), ("A", "1")
        if nargs is None:
            atoms = [dash, arg, dash]
        elif nargs == OPTIONAL:
            atoms = [dash, ("A", "?"), dash]
        elif nargs == ZERO_OR_MORE:
            atoms = [dash, ("A-", "*")]
        elif nargs == ONE_OR_MORE:
            atoms = [dash, arg, ("A-", "*")]
        elif nargs == REMAINDER:
            atoms = [("-AO", "*")]
        elif nargs == PARSER:
            atoms = [dash, arg, ("-AO", "*")]
        elif nargs == SUPPRESS:
            atoms = [dash, dash]
        else:
            atoms = [dash]
            for _ in range(nargs):
                atoms += [arg, dash]
        if action.option_strings:
            # An optional's arguments never include '--'.
            atoms = [(chars.replace("-", ""), q) for chars, q in atoms if chars != "-"]
        return atoms

    @staticmethod
    def ends(atoms, k, text, pos):
        """The end positions of atoms[k:] matched from pos, preferred first."""
        if k == len(atoms):
            yield pos
            return
        chars, quantity = atoms[k]
        here = pos < len(text) and text[pos] in chars
        if quantity == "1":
            if here:
                yield from _Nargs.ends(atoms, k + 1, text, pos + 1)
        elif quantity == "?":
            if here:
                yield from _Nargs.ends(atoms, k + 1, text, pos + 1)
            yield from _Nargs.ends(atoms, k + 1, text, pos)
        else:
            stop = pos
            while stop < len(text) and text[stop] in chars:
                stop += 1
            for end in range(stop, pos - 1, -1):
                yield from _Nargs.ends(atoms, k + 1, text, end)

    @staticmethod
    def split(actions, text):
        """Counts for all the actions matched in order from the start of
        text, or None."""
        def search(index, pos):
            if index == len(actions):
                yield []
                return
            for end in _Nargs.ends(_Nargs.atoms(actions[index]), 0, text, pos):
                for rest in search(index + 1, end):
                    yield [end - pos] + rest
        for found in search(0, 0):
            return found
        return None


# ---- the parser ------------------------------------------------------------------

class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Parses a command line into a Namespace according to its arguments."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        super().__init__(description=description, prefix_chars=prefix_chars,
                         argument_default=argument_default, conflict_handler=conflict_handler)
        self.prog = _os.path.basename(_sys.argv[0]) if prog is None else prog
        self.usage, self.epilog = usage, epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help, self.allow_abbrev, self.exit_on_error = add_help, allow_abbrev, exit_on_error
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        self._subparsers = None
        self.register("type", None, lambda text: text)
        if add_help:
            dash = "-" if "-" in prefix_chars else prefix_chars[0]
            self.add_argument(dash + "h", dash * 2 + "help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(getattr(parent, "_defaults", {}))

    def _get_kwargs(self):
        names = ["prog", "usage", "description", "formatter_class", "conflict_handler",
                 "add_help"]
        return [(name, getattr(self, name)) for name in names]

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        kwargs.setdefault("parser_class", type(self))
        if "title" in kwargs or "description" in kwargs:
            title = kwargs.pop("title", "subcommands")
            self._subparsers = self.add_argument_group(title, kwargs.pop("description", None))
        else:
            self._subparsers = self._positionals
        if kwargs.get("prog") is None:
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(),
                                self._mutually_exclusive_groups, "")
            kwargs["prog"] = formatter.format_help().strip()
        action_class = self._pop_action_class(kwargs, "parsers")
        action = action_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        group = self._optionals if action.option_strings else self._positionals
        group._add_action(action)
        return action

    def _get_optional_actions(self):
        return [a for a in self._actions if a.option_strings]

    def _get_positional_actions(self):
        return [a for a in self._actions if not a.option_strings]

    # --- parsing ---

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        args = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and \
                    action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        if self.exit_on_error:
            try:
                namespace, args = _Parse(self, args, namespace).run()
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = _Parse(self, args, namespace).run()
        if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    def parse_intermixed_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_intermixed_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return namespace

    def parse_known_intermixed_args(self, args=None, namespace=None):
        """Like parse_known_args, but positionals may be interleaved with
        optionals: 'a -x 1 b c' gives the positionals a, b and c. Two passes:
        the optionals first (positionals switched off), then the
        positionals over what is left (optionals no longer required)."""
        positionals = self._get_positional_actions()
        for action in positionals:
            if action.nargs in (PARSER, REMAINDER):
                raise TypeError("parse_intermixed_args: positional arg with nargs=%s"
                                % action.nargs)
        if any(action in positionals for group in self._mutually_exclusive_groups
               for action in group._group_actions):
            raise TypeError("parse_intermixed_args: positional in mutuallyExclusiveGroup")
        saved_usage = self.usage
        if self.usage is None:
            self.usage = self.format_usage()[len("usage: "):]
        try:
            namespace, remaining = self._with_changed(
                [(a, "nargs", SUPPRESS) for a in positionals] +
                [(a, "default", SUPPRESS) for a in positionals],
                lambda: self.parse_known_args(args, namespace))
            for action in positionals:
                if getattr(namespace, action.dest, None) == []:
                    import warnings
                    warnings.warn("Do not expect %s in %s" % (action.dest, namespace))
                    delattr(namespace, action.dest)
            not_required = [(a, "required", False) for a in self._get_optional_actions()]
            not_required += [(g, "required", False) for g in self._mutually_exclusive_groups]
            return self._with_changed(not_required,
                                      lambda: self.parse_known_args(remaining, namespace))
        finally:
            self.usage = saved_usage

    @staticmethod
    def _with_changed(changes, run):
        """run() with the (object, attribute, value) changes in place."""
        originals = [(obj, name, getattr(obj, name)) for obj, name, _ in changes]
        try:
            for obj, name, value in changes:
                setattr(obj, name, value)
            return run()
        finally:
            for obj, name, value in reversed(originals):
                setattr(obj, name, value)

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _read_args_from_files(self, strings):
        expanded = []
        for text in strings:
            if not text or text[0] not in self.fromfile_prefix_chars:
                expanded.append(text)
                continue
            try:
                with open(text[1:]) as f:
                    lines = []
                    for line in f.read().splitlines():
                        lines.extend(self.convert_arg_line_to_args(line))
            except OSError as err:
                self.error(str(err))
            expanded.extend(self._read_args_from_files(lines))
        return expanded

    def _parse_optional(self, arg):
        """(action or None, option string, explicit argument or None) for
        a string that is an option; None for one that is an argument."""
        if not arg or arg[0] not in self.prefix_chars:
            return None
        if arg in self._option_string_actions:
            return self._option_string_actions[arg], arg, None
        if len(arg) == 1:
            return None
        if "=" in arg:
            option, value = arg.split("=", 1)
            if option in self._option_string_actions:
                return self._option_string_actions[option], option, value
        candidates = self._option_tuples(arg)
        if len(candidates) > 1:
            listed = ", ".join(option for _, option, _ in candidates)
            self.error("ambiguous option: %s could match %s" % (arg, listed))
        if len(candidates) == 1:
            return candidates[0]
        if _looks_negative(arg) and not self._has_negative_number_optionals:
            return None
        if " " in arg:
            return None
        return None, arg, None

    def _option_tuples(self, arg):
        found = []
        chars = self.prefix_chars
        if arg[0] in chars and len(arg) > 1 and arg[1] in chars:
            if not self.allow_abbrev:
                return found
            prefix, _, value = arg.partition("=")
            value = value if "=" in arg else None
            for option, action in self._option_string_actions.items():
                if option.startswith(prefix):
                    found.append((action, option, value))
        elif arg[0] in chars and (len(arg) < 2 or arg[1] not in chars):
            short, rest = arg[:2], arg[2:]
            for option, action in self._option_string_actions.items():
                if option == short:
                    found.append((action, option, rest))
                elif self.allow_abbrev and option.startswith(arg):
                    found.append((action, option, None))
        return found

    def _get_values(self, action, strings):
        if action.nargs not in (PARSER, REMAINDER) and "--" in strings:
            strings = list(strings)
            strings.remove("--")
        nargs = action.nargs
        if not strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif not strings and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else strings
            self._check_value(action, value)
        elif len(strings) == 1 and nargs in (None, OPTIONAL):
            value = self._get_value(action, strings[0])
            self._check_value(action, value)
        elif nargs == REMAINDER:
            value = [self._get_value(action, s) for s in strings]
        elif nargs == PARSER:
            value = [self._get_value(action, s) for s in strings]
            self._check_value(action, value[0])
        elif nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, s) for s in strings]
            for item in value:
                self._check_value(action, item)
        return value

    def _get_value(self, action, text):
        convert = self._registry_get("type", action.type, action.type)
        if not callable(convert):
            raise ArgumentError(action, "%r is not callable" % (convert,))
        try:
            return convert(text)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, "__name__", repr(action.type))
            raise ArgumentError(action, "invalid %s value: %r" % (name, text))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))

    # --- help and errors ---

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def print_usage(self, file=None):
        self._print_message(self.format_usage(), file if file is not None else _sys.stdout)

    def print_help(self, file=None):
        self._print_message(self.format_help(), file if file is not None else _sys.stdout)

    def _print_message(self, message, file=None):
        target = _sys.stderr if file is None else file
        if not message or target is None:
            return
        try:
            target.write(message)
        except (AttributeError, OSError):
            pass    # no usable stream: say nothing rather than fail

    def exit(self, status=0, message=None):
        """Exits (SystemExit) after writing message, if any, to stderr."""
        self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Prints the usage and the message to stderr and exits with 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))


class _Parse:
    """One run of parse_known_args over a list of strings (see the module
    docstring)."""

    def __init__(self, parser, strings, namespace):
        if parser.fromfile_prefix_chars is not None:
            strings = parser._read_args_from_files(strings)
        self.parser, self.strings, self.namespace = parser, strings, namespace
        self.extras = []
        self.seen, self.seen_set = set(), set()
        self.conflicts = {}
        for group in parser._mutually_exclusive_groups:
            members = group._group_actions
            for i, action in enumerate(members):
                self.conflicts.setdefault(action, []).extend(members[:i] + members[i + 1:])
        self.options = {}
        kinds = []
        rest_are_arguments = False
        for index, text in enumerate(strings):
            if rest_are_arguments:
                kinds.append("A")
            elif text == "--":
                kinds.append("-")
                rest_are_arguments = True
            else:
                found = parser._parse_optional(text)
                if found is None:
                    kinds.append("A")
                else:
                    self.options[index] = found
                    kinds.append("O")
        self.kinds = "".join(kinds)
        self.positionals = parser._get_positional_actions()

    def take(self, action, strings, option_string=None):
        self.seen.add(action)
        values = self.parser._get_values(action, strings)
        if values is not action.default:
            self.seen_set.add(action)
            for other in self.conflicts.get(action, ()):
                if other in self.seen_set:
                    raise ArgumentError(action, "not allowed with argument %s"
                                        % _action_name(other))
        if values is not SUPPRESS:
            action(self.parser, self.namespace, values, option_string)

    def take_positionals(self, start):
        counts = None
        for size in range(len(self.positionals), 0, -1):
            counts = _Nargs.split(self.positionals[:size], self.kinds[start:])
            if counts is not None:
                break
        if not counts:
            return start
        for action, count in zip(self.positionals, counts):
            self.take(action, self.strings[start:start + count])
            start += count
        del self.positionals[:len(counts)]
        return start

    def argument_count(self, action, kinds):
        counts = _Nargs.split([action], kinds)
        if counts is not None:
            return counts[0]
        nargs = action.nargs
        messages = {None: "expected one argument", OPTIONAL: "expected at most one argument",
                    ONE_OR_MORE: "expected at least one argument"}
        if nargs in messages:
            raise ArgumentError(action, messages[nargs])
        word = "argument" if nargs == 1 else "arguments"
        raise ArgumentError(action, "expected %s %s" % (nargs, word))

    def take_option(self, index):
        action, option_string, explicit = self.options[index]
        parser = self.parser
        pending = []
        while True:
            if action is None:
                self.extras.append(self.strings[index])
                return index + 1
            if explicit is None:
                first = index + 1
                stop = first + self.argument_count(action, self.kinds[first:])
                pending.append((action, self.strings[first:stop], option_string))
                break
            count = self.argument_count(action, "A")
            if count == 0 and option_string[1] not in parser.prefix_chars and explicit != "":
                # '-xyz': -x takes nothing, so -y (and the rest) follow.
                pending.append((action, [], option_string))
                option_string = option_string[0] + explicit[0]
                if option_string not in parser._option_string_actions:
                    raise ArgumentError(action, "ignored explicit argument %r" % explicit)
                action = parser._option_string_actions[option_string]
                explicit = explicit[1:] or None
            elif count == 1:
                stop = index + 1
                pending.append((action, [explicit], option_string))
                break
            else:
                raise ArgumentError(action, "ignored explicit argument %r" % explicit)
        for action, strings, option_string in pending:
            self.take(action, strings, option_string)
        return stop

    def run(self):
        option_indices = sorted(self.options)
        start = 0
        while option_indices and start <= option_indices[-1]:
            next_option = min(i for i in option_indices if i >= start)
            if start != next_option:
                consumed = self.take_positionals(start)
                if consumed > start:
                    start = consumed
                    continue
                start = consumed
            if start not in self.options:
                self.extras.extend(self.strings[start:next_option])
                start = next_option
            start = self.take_option(start)
        stop = self.take_positionals(start)
        self.extras.extend(self.strings[stop:])
        self.check_finished()
        return self.namespace, self.extras

    def check_finished(self):
        parser = self.parser
        missing = []
        for action in parser._actions:
            if action in self.seen:
                continue
            if action.required:
                missing.append(_action_name(action))
            elif isinstance(action.default, str) and \
                    getattr(self.namespace, action.dest, None) is action.default:
                setattr(self.namespace, action.dest, parser._get_value(action, action.default))
        if missing:
            parser.error("the following arguments are required: %s" % ", ".join(missing))
        for group in parser._mutually_exclusive_groups:
            if group.required and not any(a in self.seen_set for a in group._group_actions):
                names = [_action_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                parser.error("one of the arguments %s is required" % " ".join(names))
