"""importlib for gilt: import_module(), reload() and invalidate_caches().

gilt's import system is native (interp/import.cpp) and has no finders,
loaders or specs, so this module is a thin layer over __import__ and
sys.modules that raises the errors CPython 3.11's importlib raises.
"""

import sys
# The same function the import statement calls, exported as CPython does.
from builtins import __import__

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

# Modules being reloaded right now, by name: a module that reloads itself
# while its code re-runs gets the module back instead of recursing forever.
_in_reload = {}


def _absolute_name(relative, anchor):
    # '..mod' against 'a.b.c' means a.b.mod: each dot past the first climbs
    # one package up from the anchor.
    dots = len(relative) - len(relative.lstrip('.'))
    rest = relative[dots:]
    if not isinstance(anchor, str):
        raise TypeError('__package__ not set to a string')
    parts = anchor.rsplit('.', dots - 1)
    if len(parts) < dots:
        raise ImportError('attempted relative import beyond top-level package')
    return parts[0] + '.' + rest if rest else parts[0]


def import_module(name, package=None):
    """Import the module `name` and return it (the module itself, not the
    top-level package as __import__ does). A name that starts with dots is
    relative and is resolved against `package`, which is then required."""
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform "
                            f"a relative import for {name!r}")
        name = _absolute_name(name, package)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """Does nothing: gilt's importer caches nothing beyond sys.modules."""


def _module_name(module):
    try:
        return module.__spec__.name
    except AttributeError:
        pass
    try:
        return module.__name__
    except AttributeError:
        raise TypeError('reload() argument must be a module')


def _rerun_source(module, path):
    # CPython runs the new code in the module's existing namespace, so names
    # the new code does not define survive, and functions that other modules
    # already hold see the new globals.
    with open(path, encoding='utf-8') as source:
        text = source.read()
    exec(compile(text, path, 'exec'), module.__dict__)


def _reimport(module, name):
    # No source file: gilt's importer builds the module again, and its
    # namespace is copied into the old object, the one callers hold.
    if name in sys.builtin_module_names:
        return  # A native module starts over in the state it has already.
    del sys.modules[name]
    try:
        __import__(name)
        fresh = sys.modules[name]
    finally:
        sys.modules[name] = module
    module.__dict__.update(fresh.__dict__)


def reload(module):
    """Run the module's code again, in the same module object, and return
    the module (as found in sys.modules afterwards)."""
    name = _module_name(module)
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _in_reload:
        return _in_reload[name]
    parent = name.rpartition('.')[0]
    if parent and parent not in sys.modules:
        raise ImportError(f"parent {parent!r} not in sys.modules", name=parent)
    _in_reload[name] = module
    try:
        path = getattr(module, '__file__', None)
        if isinstance(path, str) and path.endswith('.py'):
            _rerun_source(module, path)
        else:
            _reimport(module, name)
        return sys.modules[name]
    finally:
        del _in_reload[name]
