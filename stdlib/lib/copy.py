"""Shallow and deep copying: copy(x), deepcopy(x, memo) and the Error raised
for objects that cannot be copied.

A class takes charge of its own copies with __copy__ / __deepcopy__(memo), or
with the pickle protocol (__reduce_ex__, __reduce__, __getnewargs__,
__getstate__, __setstate__). Everything else is rebuilt from a "recipe": the
5-tuple (callable, args, state, list items, dict items) that pickle uses.
The recipe is x.__reduce_ex__(4), as in CPython; instances of plain
classes skip it and copy their __dict__ directly, which gives the same
result faster.
"""

from _collections import deque as _deque, defaultdict as _defaultdict
from _weakref import ref as _weakref_type

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error  # the old name, still importable


class _Probe:
    def method(self):
        pass


def _probe_function():
    pass


def _code_type():
    try:
        return type(_probe_function.__code__)
    except AttributeError:
        return type(None)


_MethodType = type(_Probe().method)

# Objects of these exact types never change, so a copy may be the object itself.
_SHARED_ON_COPY = frozenset([
    type(None), type(Ellipsis), type(NotImplemented), bool, int, float,
    complex, str, bytes, tuple, frozenset, range, slice, property, type,
    type(len), type(_probe_function), _code_type(), _weakref_type,
])
# deepcopy must look inside tuples, frozensets and slices, so fewer are shared.
_SHARED_ON_DEEPCOPY = _SHARED_ON_COPY - {tuple, frozenset, slice}

# Exact builtin containers whose own copy() method is the shallow copy.
_HAS_COPY_METHOD = frozenset([list, dict, set, bytearray])


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _SHARED_ON_COPY or issubclass(cls, type):
        return x
    if cls in _HAS_COPY_METHOD:
        return cls.copy(x)
    own = getattr(cls, "__copy__", None)
    if own is not None:
        return own(x)
    if _plain_class(cls):
        return _copy_plain(x, cls, None)
    recipe = _recipe_of(x, "un(shallow)copyable object of type %s")
    if isinstance(recipe, str):
        return x
    return _rebuild(x, None, *recipe)


def deepcopy(x, memo=None, _missing=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}
    key = id(x)
    done = memo.get(key, _missing)
    if done is not _missing:
        return done
    cls = type(x)
    if cls in _SHARED_ON_DEEPCOPY:
        return x
    copier = _DEEP_COPIERS.get(cls)
    if copier is not None:
        result = copier(x, memo)
    else:
        result = _deepcopy_other(x, cls, memo)
    if result is not x:
        memo[key] = result
        _keep_alive(x, memo)
    return result


def _deepcopy_other(x, cls, memo):
    # Instances of user classes and of builtin subclasses.
    if issubclass(cls, type):
        return x
    own = getattr(x, "__deepcopy__", None)
    if own is not None:
        return own(memo)
    if _plain_class(cls):
        return _copy_plain(x, cls, memo)
    recipe = _recipe_of(x, "un(deep)copyable object of type %s")
    if isinstance(recipe, str):
        return x
    return _rebuild(x, memo, *recipe)


def _keep_alive(x, memo):
    # The memo is keyed by id(): the originals must outlive the copy, or a
    # new object could reuse an id while the memo is still in use. They are
    # kept in a list stored under the memo's own id.
    keep = memo.get(id(memo))
    if keep is None:
        memo[id(memo)] = [x]
    else:
        keep.append(x)


# --- deep copies of the builtin containers --------------------------------

def _deep_list(x, memo):
    result = []
    memo[id(x)] = result  # before the items: the list may contain itself
    add = result.append
    for item in x:
        add(deepcopy(item, memo))
    return result


def _deep_dict(x, memo):
    result = {}
    memo[id(x)] = result
    for k, v in x.items():
        result[deepcopy(k, memo)] = deepcopy(v, memo)
    return result


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # An item may have led back to x (through a list, say); that path has
    # already made x's copy, and it must be the one returned.
    if id(x) in memo:
        return memo[id(x)]
    for old, new in zip(x, items):
        if old is not new:
            return tuple(items)
    return x  # nothing inside changed: the tuple can be shared


def _deep_set(x, memo):
    return set([deepcopy(item, memo) for item in x])


def _deep_frozenset(x, memo):
    return frozenset([deepcopy(item, memo) for item in x])


def _deep_slice(x, memo):
    return slice(*deepcopy((x.start, x.stop, x.step), memo))


def _deep_bytearray(x, memo):
    return bytearray(x)


def _deep_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_DEEP_COPIERS = {
    list: _deep_list,
    dict: _deep_dict,
    tuple: _deep_tuple,
    set: _deep_set,
    frozenset: _deep_frozenset,
    slice: _deep_slice,
    bytearray: _deep_bytearray,
    _MethodType: _deep_method,
}


# --- instances of plain classes --------------------------------------------

# A class that defines none of these (nor inherits them from anything but
# object) copies as object.__reduce_ex__ would copy it: a new instance from
# cls.__new__(cls) given the old instance's __dict__. Checking the names up
# front is much cheaper than failing to look up each hook in turn.
_HOOKS = frozenset([
    "__reduce_ex__", "__reduce__", "__getnewargs_ex__", "__getnewargs__",
    "__getstate__", "__setstate__", "__slots__", "__getattr__",
    "__getattribute__",
])


def _plain_class(cls):
    if issubclass(cls, _BUILTIN_BASES):
        return False
    for klass in cls.__mro__:
        if klass is not object and not _HOOKS.isdisjoint(klass.__dict__):
            return False
    return True


def _copy_plain(x, cls, memo):
    result = cls.__new__(cls)
    attrs = getattr(x, "__dict__", None)
    if memo is not None:
        memo[id(x)] = result  # before the attributes, which may refer to x
        if attrs:
            attrs = deepcopy(attrs, memo)
    if attrs:
        result.__dict__.update(attrs)
    return result


# --- recipes: how to rebuild an object ------------------------------------

def _recipe_of(x, complaint):
    """The pickle recipe of x: x.__reduce_ex__(4), which for a class that
    overrides nothing is object.__reduce_ex__'s, else x.__reduce__()."""
    if isinstance(x, _MethodType):
        return getattr, (x.__self__, x.__func__.__name__)
    cls = type(x)
    reduce_ex = getattr(cls, "__reduce_ex__", None)
    if reduce_ex is not None:
        return reduce_ex(x, 4)
    reduce = getattr(cls, "__reduce__", None)
    if reduce is None:
        raise Error(complaint % cls)
    return reduce(x)


# Builtin types that keep data outside an instance __dict__: never "plain".
_BUILTIN_BASES = (_MethodType, _defaultdict, _deque, set, frozenset,
                  BaseException, bytearray, tuple, str, int, float, complex,
                  bytes, list, dict)


def _rebuild(x, memo, func, args, state=None, listiter=None, dictiter=None):
    """Follow a recipe; memo is None for a shallow copy."""
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    result = func(*args)
    if deep:
        memo[id(x)] = result  # before the state, which may refer back to x
    if state is not None:
        _apply_state(result, deepcopy(state, memo) if deep else state)
    if listiter is not None:
        for item in listiter:
            result.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k, v = deepcopy(k, memo), deepcopy(v, memo)
            result[k] = v
    return result


def _apply_state(obj, state):
    setter = getattr(obj, "__setstate__", None)
    if setter is not None:
        setter(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state is not None:
        obj.__dict__.update(state)
    if slots is not None:
        for name, value in slots.items():
            setattr(obj, name, value)
