"""Shallow and deep copying: copy(x), deepcopy(x, memo) and the Error raised
for objects that cannot be copied.

A class takes charge of its own copies with __copy__ / __deepcopy__(memo), or
with the pickle protocol (__reduce_ex__, __reduce__, __getnewargs__,
__getstate__, __setstate__). Everything else is rebuilt from a "recipe": the
5-tuple (callable, args, state, list items, dict items) that pickle uses.
CPython gets the recipe of a plain instance from object.__reduce_ex__(4);
this runtime's builtin types have no usable __reduce_ex__, so _recipe_of
writes the same recipe here.
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
    """The pickle recipe of x: the class's own __reduce_ex__ or __reduce__
    when it defines one, else the one object.__reduce_ex__(4) would give."""
    cls = type(x)
    reduce_ex = getattr(cls, "__reduce_ex__", None)
    if reduce_ex is not None and reduce_ex is not object.__reduce_ex__:
        return x.__reduce_ex__(4)
    reduce = getattr(cls, "__reduce__", None)
    if reduce is not None and reduce is not getattr(object, "__reduce__", None):
        return x.__reduce__()
    recipe = _builtin_recipe(x, cls)
    if recipe is None:
        raise Error(complaint % cls)
    return recipe


def _builtin_recipe(x, cls):
    if not isinstance(x, _SPECIAL_BASES):
        return _object_recipe(x, cls)
    if isinstance(x, _MethodType):
        return getattr, (x.__self__, x.__func__.__name__)
    if isinstance(x, _defaultdict):
        args = () if x.default_factory is None else (x.default_factory,)
        return cls, args, None, None, iter(x.items())
    if isinstance(x, _deque):
        args = () if x.maxlen is None else ((), x.maxlen)
        return cls, args, _instance_dict(x), iter(x)
    if isinstance(x, (set, frozenset)):
        return cls, (list(x),), _instance_dict(x)
    if isinstance(x, BaseException):
        return cls, x.args, _instance_dict(x)
    return cls, (bytes(x),), _instance_dict(x)


# Builtin types whose recipe is not object.__reduce_ex__'s: CPython gives
# them a __reduce__ of their own.
_SPECIAL_BASES = (_MethodType, _defaultdict, _deque, set, frozenset,
                  BaseException, bytearray)
# Immutable builtins keep their value in the arguments of __new__.
_VALUE_BASES = (tuple, str, int, float, complex, bytes)
_BUILTIN_BASES = _SPECIAL_BASES + _VALUE_BASES + (list, dict)


def _object_recipe(x, cls):
    args, kwargs = _new_arguments(x)
    items = iter(x) if isinstance(x, list) else None
    pairs = iter(x.items()) if isinstance(x, dict) else None
    return _make_new, (cls, args, kwargs), _state_of(x, cls), items, pairs


def _make_new(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _new_arguments(x):
    # What cls.__new__ must be given again: immutable builtins (a tuple
    # subclass, say) carry their value there, not in the instance dict.
    cls = type(x)
    with_kwargs = getattr(cls, "__getnewargs_ex__", None)
    if with_kwargs is not None:
        args, kwargs = with_kwargs(x)
        return tuple(args), kwargs
    plain = getattr(cls, "__getnewargs__", None)
    if plain is not None:
        return tuple(plain(x)), {}
    if isinstance(x, _VALUE_BASES):
        for base in _VALUE_BASES:
            if isinstance(x, base):
                return (base(x),), {}
    return (), {}


def _state_of(x, cls):
    custom = getattr(x, "__getstate__", None)
    if custom is not None:
        return custom()
    slots = _slot_values(x, cls)
    attrs = _instance_dict(x)
    if slots:
        return attrs, slots
    return attrs


def _instance_dict(x):
    # The default state: the instance __dict__, or None when it is empty.
    try:
        attrs = x.__dict__
    except AttributeError:
        return None
    return attrs if attrs else None


def _slot_values(x, cls):
    values = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (klass.__name__.lstrip("_"), name)
            try:
                values[name] = getattr(x, name)
            except AttributeError:
                pass
    return values


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
