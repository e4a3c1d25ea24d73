"""Command-line options in the style of C's getopt() (CPython's getopt).

getopt(args, shortopts, longopts) reads options until the first argument
that is not one; gnu_getopt() lets options and plain arguments mix (unless
shortopts starts with '+' or POSIXLY_CORRECT is set). shortopts is a string
of letters, a letter followed by ':' taking a value ("ab:"); longopts is a
list of names, a name ending in '=' taking a value (["help", "out="]). A
long option may be shortened to any prefix that names only one of them.
Both return (options, rest): options as (name, value) pairs such as
('-b', '3') and ('--out', 'x'), value '' for an option without one.
"""

import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    """A bad option: `msg` says what, `opt` names the option ('' if none)."""

    opt = ""
    msg = ""

    def __init__(self, msg, opt=""):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _as_list(longopts):
    return [longopts] if isinstance(longopts, str) else list(longopts)


def _long_option(arg, longopts, rest):
    """Reads '--name[=value]' (arg without the dashes); takes the value from
    rest when the option needs one. Returns the pair and what is left."""
    name, eq, value = arg.partition("=")
    spelled, takes_value = _resolve_long(name, longopts)
    if takes_value:
        if not eq:
            if not rest:
                raise GetoptError(f"option --{name} requires argument", name)
            value, rest = rest[0], rest[1:]
    elif eq:
        raise GetoptError(f"option --{name} must not have an argument", name)
    return ("--" + spelled, value), rest


def _resolve_long(name, longopts):
    """(full name, takes a value) for a long option given by a prefix."""
    candidates = [o for o in longopts if o.startswith(name)]
    if not candidates:
        raise GetoptError(f"option --{name} not recognized", name)
    for exact in (name, name + "="):
        if exact in candidates:
            return name, exact.endswith("=")
    if len(candidates) > 1:
        raise GetoptError(f"option --{name} not a unique prefix", name)
    only = candidates[0]
    return (only[:-1], True) if only.endswith("=") else (only, False)


def _short_options(letters, shortopts, rest):
    """Reads a cluster such as 'ab3' (after its '-'); an option taking a
    value takes the remainder of the cluster, or the next argument."""
    found = []
    while letters:
        letter, letters = letters[0], letters[1:]
        if _short_takes_value(letter, shortopts):
            if not letters:
                if not rest:
                    raise GetoptError(f"option -{letter} requires argument", letter)
                letters, rest = rest[0], rest[1:]
            found.append(("-" + letter, letters))
            letters = ""
        else:
            found.append(("-" + letter, ""))
    return found, rest


def _short_takes_value(letter, shortopts):
    at = shortopts.find(letter) if letter != ":" else -1
    if at < 0:
        raise GetoptError(f"option -{letter} not recognized", letter)
    return shortopts[at + 1:at + 2] == ":"


def getopt(args, shortopts, longopts=[]):
    """Options up to the first plain argument (or '--'), and the rest."""
    longopts = _as_list(longopts)
    options = []
    args = list(args)
    while args and args[0].startswith("-") and args[0] != "-":
        head, args = args[0], args[1:]
        if head == "--":
            break
        if head.startswith("--"):
            pair, args = _long_option(head[2:], longopts, args)
            options.append(pair)
        else:
            found, args = _short_options(head[1:], shortopts, args)
            options.extend(found)
    return options, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt(), but plain arguments may come between options."""
    longopts = _as_list(longopts)
    options_first = False
    if shortopts.startswith("+"):
        shortopts = shortopts[1:]
        options_first = True
    elif os.environ.get("POSIXLY_CORRECT"):
        options_first = True
    options, plain = [], []
    args = list(args)
    while args:
        head = args[0]
        if head == "--":
            plain.extend(args[1:])
            break
        if head.startswith("--"):
            pair, args = _long_option(head[2:], longopts, args[1:])
            options.append(pair)
        elif head.startswith("-") and head != "-":
            found, args = _short_options(head[1:], shortopts, args[1:])
            options.extend(found)
        elif options_first:
            plain.extend(args)
            break
        else:
            plain.append(head)
            args = args[1:]
    return options, plain
