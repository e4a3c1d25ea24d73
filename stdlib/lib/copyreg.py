"""Registries pickle and copy consult: reduction functions per type
(dispatch_table), the extension codes of add_extension, and the helpers the
recipes of object.__reduce_ex__ name (__newobj__, __newobj_ex__,
_reconstructor) so that pickles refer to them as copyreg.<name>.
"""

import _pickle

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

# type -> function returning a reduce tuple (or a global name) for instances.
dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function as the reducer of instances of ob_type."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    """Check that object can serve as a constructor (it must be callable)."""
    if not callable(object):
        raise TypeError("constructors must be callable")


def __newobj__(cls, *args):
    # Protocol 2+ pickles write NEWOBJ for this; it is what NEWOBJ does.
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    # Protocol 4+ pickles write NEWOBJ_EX for this.
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    """Rebuild an instance for protocols 0 and 1: cls instance made through
    base.__new__ (object: plain allocation), then base.__init__(state)."""
    if base is object:
        made = object.__new__(cls)
    else:
        made = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(made, state)
    return made


def _solid_base(cls):
    # The first builtin class in cls's MRO: what holds the instance's data.
    return _pickle._builtin_base(cls)


def _reduce_ex(self, proto):
    """The recipe object.__reduce_ex__ gives below protocol 2."""
    if proto >= 2:
        raise AssertionError("_reduce_ex is for protocols 0 and 1")
    cls = self.__class__
    base = _solid_base(cls)
    if base is object:
        value = None
    elif base is cls:
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    else:
        value = base(self)
    recipe = (cls, base, value)
    own_getstate = type(self).__getstate__ is not object.__getstate__
    if not own_getstate and getattr(self, "__slots__", None):
        raise TypeError("a class that defines __slots__ without "
                        "defining __getstate__ cannot be pickled")
    if own_getstate:
        state = self.__getstate__()
    else:
        state = getattr(self, "__dict__", None)
    if state:
        return _reconstructor, recipe, state
    return _reconstructor, recipe


def _slotnames(cls):
    """The names of cls's slots (private names mangled), __dict__ and
    __weakref__ left out; cached on the class as __slotnames__."""
    cached = cls.__dict__.get("__slotnames__")
    if cached is not None:
        return cached
    found = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            declared = klass.__dict__.get("__slots__", ())
            if isinstance(declared, str):
                declared = (declared,)
            for name in declared:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    owner = klass.__name__.lstrip("_")
                    if owner:
                        name = "_%s%s" % (owner, name)
                found.append(name)
    try:
        cls.__slotnames__ = found
    except Exception:
        pass  # a class that refuses new attributes just goes uncached
    return found


# Extension codes: small integers standing for (module, name) pairs, so a
# pickle can name a frequent class in 2-5 bytes. Codes 1..0x7fffffff.
_extension_registry = {}   # (module, name) -> code
_inverted_registry = {}    # code -> (module, name)
_extension_cache = {}      # code -> object


def _check_code(code):
    number = int(code)
    if number < 1 or number > 0x7fffffff:
        raise ValueError("code out of range")
    return number


def add_extension(module, name, code):
    """Register an extension code for module.name."""
    code = _check_code(code)
    pair = (module, name)
    known_code = _extension_registry.get(pair)
    known_pair = _inverted_registry.get(code)
    if known_code == code and known_pair == pair:
        return  # registering the same thing twice is harmless
    if known_code is not None:
        raise ValueError("key %s is already registered with code %s"
                         % (pair, known_code))
    if known_pair is not None:
        raise ValueError("code %s is already in use for key %s"
                         % (code, known_pair))
    _inverted_registry[code] = pair
    _extension_registry[pair] = code


def remove_extension(module, name, code):
    """Unregister an extension code (for testing only)."""
    pair = (module, name)
    if not (_extension_registry.get(pair) == code and
            _inverted_registry.get(code) == pair):
        raise ValueError("key %s is not registered with code %s" % (pair, code))
    _extension_cache.pop(code, None)
    del _inverted_registry[code], _extension_registry[pair]


def clear_extension_cache():
    _extension_cache.clear()
