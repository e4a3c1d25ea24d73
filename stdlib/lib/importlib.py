"""A minimal importlib: import_module(), reload() and invalidate_caches()
on top of __import__ and sys.modules (gilt's import system is native,
interp/import.cpp; there are no loader or spec objects)."""

import sys

__all__ = ['import_module', 'invalidate_caches', 'reload']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module. The 'package' argument is required when performing
    a relative import; it is the anchor for resolving the relative name."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """Nothing is cached beyond sys.modules."""


def reload(module):
    """Re-run the module's code: the module is imported afresh and the new
    module's namespace is copied into the existing object."""
    name = getattr(module, '__name__', None)
    if name is None or sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    del sys.modules[name]
    try:
        __import__(name)
        fresh = sys.modules[name]
    except BaseException:
        sys.modules[name] = module
        raise
    module.__dict__.update(fresh.__dict__)
    sys.modules[name] = module
    return module
