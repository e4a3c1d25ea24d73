"""Type hints at run time: the names of the typing module, subscription
(List[int], Optional[str], Callable[[int], str], Union[...]), printable and
comparable aliases that call their origin (List[int]() is a list), TypeVar
and ParamSpec, and Generic, Protocol, NamedTuple and TypedDict as base
classes. Nothing is type checked: like CPython, hints are only recorded.

The objects come in three kinds: special forms (Any, Union, ClassVar, ...)
that only make sense subscripted or on their own, bare aliases of real
classes (List stands for list), and subscripted aliases (List[int]) that
remember their origin and arguments.
"""

import collections
import collections.abc
import sys

__all__ = ['Any', 'AnyStr', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal',
           'Optional', 'Protocol', 'Tuple', 'Type', 'TypeVar', 'Union', 'NoReturn',
           'Never', 'Self', 'List', 'Dict', 'Set', 'FrozenSet', 'DefaultDict',
           'Deque', 'Counter', 'OrderedDict', 'ChainMap', 'Iterable', 'Iterator',
           'Generator', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping',
           'AbstractSet', 'MutableSet', 'Collection', 'Container', 'Hashable',
           'Sized', 'Reversible', 'Awaitable', 'Coroutine', 'AsyncIterable',
           'AsyncIterator', 'AsyncGenerator', 'NamedTuple', 'TypedDict', 'cast',
           'overload', 'final', 'no_type_check', 'runtime_checkable',
           'get_type_hints', 'get_origin', 'get_args', 'TYPE_CHECKING', 'Text',
           'ParamSpec', 'Concatenate', 'TypeAlias', 'TypeGuard', 'Annotated',
           'assert_never', 'reveal_type', 'IO', 'TextIO', 'BinaryIO', 'SupportsInt',
           'SupportsFloat', 'SupportsIndex', 'SupportsAbs', 'SupportsRound']

# Static checkers treat this as True; at run time it is always False.
TYPE_CHECKING = False

_NoneType = type(None)


def _show(hint):
    # How an argument prints inside an alias's repr: classes by (qualified)
    # name, lists (Callable's parameters) in brackets.
    if hint is ...:
        return '...'
    if isinstance(hint, (list, tuple)):
        return '[' + ', '.join(map(_show, hint)) + ']'
    if not isinstance(hint, type):
        return repr(hint)
    module = hint.__module__
    return hint.__qualname__ if module == 'builtins' else module + '.' + hint.__qualname__


class _Combinable:
    # X | Y for every typing object, as for classes since Python 3.10.
    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# The aliases of built-in classes (List, Dict, ...) refuse to be called:
# the class itself should be. Aliases of collections classes may be.
_CALL_THE_BUILTIN = (list, dict, set, frozenset, tuple, type)


def _check_instantiable(alias):
    origin = alias.__origin__
    if alias._name and origin in _CALL_THE_BUILTIN:
        raise TypeError(f'Type {alias._name} cannot be instantiated; use {origin.__name__}() instead')


# --- subscripted aliases -----------------------------------------------------------

class _GenericAlias(_Combinable):
    """origin[args], e.g. List[int]: remembers both and calls the origin
    when called, so List[int]() makes a list."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args if type(args) is tuple else (args,)
        self._name = name

    def __repr__(self):
        shown = ', '.join(map(_show, self.__args__))
        head = 'typing.' + self._name if self._name else _show(self.__origin__)
        return f'{head}[{shown}]'

    def __call__(self, *args, **kwargs):
        _check_instantiable(self)
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, args):
        return _GenericAlias(self.__origin__, args, self._name)

    def __eq__(self, other):
        if isinstance(other, _GenericAlias):
            return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)
        return NotImplemented

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __getattr__(self, attr):
        # Plain attributes come from the origin (List[int].append), dunders
        # do not, or copy and pickle would mistake the alias for its origin.
        if attr[:2] == '__' and attr[-2:] == '__':
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _UnionAlias(_GenericAlias):
    # Union[...]: its arguments form a set, so order does not matter for ==.

    def __repr__(self):
        members = self.__args__
        if len(members) == 2 and _NoneType in members:
            kept = members[1] if members[0] is _NoneType else members[0]
            return f'typing.Optional[{_show(kept)}]'
        return 'typing.Union[' + ', '.join(map(_show, members)) + ']'

    def __eq__(self, other):
        if isinstance(other, _UnionAlias):
            return set(self.__args__) == set(other.__args__)
        return NotImplemented

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, member) for member in self.__args__ if isinstance(member, type))


# --- bare aliases of real classes ----------------------------------------------------

class _SpecialGenericAlias(_Combinable):
    """A bare alias such as List: checks and calls go to the real class,
    subscription gives a _GenericAlias."""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, args):
        return _GenericAlias(self.__origin__, args, self._name)

    def __call__(self, *args, **kwargs):
        _check_instantiable(self)
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)


_abc = collections.abc
_BARE_ALIASES = {
    'List': list, 'Dict': dict, 'Set': set, 'FrozenSet': frozenset, 'Tuple': tuple,
    'Type': type,
    'DefaultDict': collections.defaultdict, 'Deque': collections.deque,
    'Counter': collections.Counter, 'OrderedDict': collections.OrderedDict,
    'ChainMap': collections.ChainMap,
    'Callable': _abc.Callable, 'Iterable': _abc.Iterable, 'Iterator': _abc.Iterator,
    'Generator': _abc.Generator, 'Reversible': _abc.Reversible,
    'Sequence': _abc.Sequence, 'MutableSequence': _abc.MutableSequence,
    'Mapping': _abc.Mapping, 'MutableMapping': _abc.MutableMapping,
    'AbstractSet': _abc.Set, 'MutableSet': _abc.MutableSet,
    'Collection': _abc.Collection, 'Container': _abc.Container,
    'Hashable': _abc.Hashable, 'Sized': _abc.Sized,
    'Awaitable': _abc.Awaitable, 'Coroutine': _abc.Coroutine,
    'AsyncIterable': _abc.AsyncIterable, 'AsyncIterator': _abc.AsyncIterator,
    'AsyncGenerator': _abc.AsyncGenerator,
    'KeysView': _abc.KeysView, 'ItemsView': _abc.ItemsView, 'ValuesView': _abc.ValuesView,
}
for _name, _origin in _BARE_ALIASES.items():
    globals()[_name] = _SpecialGenericAlias(_origin, _name)
del _abc, _name, _origin


# --- special forms -------------------------------------------------------------------

class _SpecialForm(_Combinable):
    """Any, Union, Optional, ClassVar, ...: not classes; subscripting one
    calls its `subscript(form, parameters)` when it has one."""

    def __init__(self, name, subscript=None):
        self._name = name
        self._subscript = subscript

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._subscript is not None:
            return self._subscript(self, parameters)
        raise TypeError(f'{self} is not subscriptable')

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')


def _make_union(form, parameters):
    # Flatten nested unions, turn None into NoneType, drop duplicates
    # (first occurrence wins), and collapse a single member to itself.
    members = []
    for item in parameters if type(parameters) is tuple else (parameters,):
        parts = item.__args__ if isinstance(item, _UnionAlias) else (item,)
        for part in parts:
            part = _NoneType if part is None else part
            if part not in members:
                members.append(part)
    if len(members) == 1:
        return members[0]
    return _UnionAlias(Union, tuple(members), 'Union')


def _make_optional(form, parameter):
    return _make_union(form, (parameter, None))


def _wrap(form, parameters):
    return _GenericAlias(form, parameters, form._name)


def _first_only(form, parameters):
    # Annotated[T, metadata...] is recorded as plain T here.
    return parameters[0] if type(parameters) is tuple else parameters


Union = _SpecialForm('Union', _make_union)
Optional = _SpecialForm('Optional', _make_optional)
Annotated = _SpecialForm('Annotated', _first_only)
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')
ClassVar = _SpecialForm('ClassVar', _wrap)
Final = _SpecialForm('Final', _wrap)
Literal = _SpecialForm('Literal', _wrap)
TypeGuard = _SpecialForm('TypeGuard', _wrap)
Concatenate = _SpecialForm('Concatenate', _wrap)


class _AnyMeta(_Combinable, type):
    # _Combinable first: this VM's type.__or__ does not serve metaclass
    # instances, so Any | X gives Union[Any, X] (CPython: a types.UnionType).
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        return 'typing.Any' if self is Any else super().__repr__()


class Any(metaclass=_AnyMeta):
    """The type compatible with every type. A class (as in CPython 3.11),
    so it may be a base class, but it has no instances of its own."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


# --- type variables ----------------------------------------------------------------

class TypeVar(_Combinable):
    """A type variable, T = TypeVar('T'), optionally constrained
    (TypeVar('S', int, str)) or bounded (bound=...). Prints as ~T, +T
    (covariant) or -T (contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        return ('-' if self.__contravariant__ else '~') + self.__name__


class ParamSpec(TypeVar):
    """The parameters of a callable, P = ParamSpec('P'); P.args and
    P.kwargs stand for *args and **kwargs."""

    args = property(lambda self: self)
    kwargs = property(lambda self: self)


AnyStr = TypeVar('AnyStr', bytes, str)
Text = str


# --- base classes ----------------------------------------------------------------------

class Generic:
    """Base for user generic classes: class Box(Generic[T]). Generic[...]
    and Protocol[...] are the classes themselves, so they can be bases;
    Box[int] is an alias calling Box."""

    def __class_getitem__(cls, params):
        if cls in (Generic, Protocol):
            return cls
        return _GenericAlias(cls, params)


class Protocol(Generic):
    """Base for protocol classes. Structural subtyping is not checked."""


def _empty_protocol(name):
    return type(name, (Protocol,), {'__module__': __name__})


SupportsInt = _empty_protocol('SupportsInt')
SupportsFloat = _empty_protocol('SupportsFloat')
SupportsIndex = _empty_protocol('SupportsIndex')
SupportsAbs = _empty_protocol('SupportsAbs')
SupportsRound = _empty_protocol('SupportsRound')


class IO(Generic):
    """Generic base of the file types below (for annotations only)."""


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


# --- NamedTuple and TypedDict ----------------------------------------------------------

_NAMEDTUPLE_SKIP = ('__module__', '__qualname__', '__annotations__', '_root')


class _NamedTupleMeta(type):
    # `class P(NamedTuple)` does not make a subclass of NamedTuple: it makes
    # a collections.namedtuple from the annotations, then copies the other
    # class attributes (methods, docstring) onto it.
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root'):
            return super().__new__(mcls, typename, bases, ns)
        hints = ns.get('__annotations__', {})
        names = list(hints)
        defaults = [ns[name] for name in names if name in ns]
        made = collections.namedtuple(typename, names, defaults=defaults,
                                      module=ns.get('__module__', '__main__'))
        made.__annotations__ = dict(hints)
        for key, value in ns.items():
            if key not in _NAMEDTUPLE_SKIP and key not in hints:
                setattr(made, key, value)
        return made

    def __call__(cls, *args, **kwargs):
        if cls is not NamedTuple:
            return super().__call__(*args, **kwargs)
        # NamedTuple('P', [('x', int), ...]) or NamedTuple('P', x=int, ...)
        typename = args[0]
        pairs = args[1] if len(args) > 1 else list(kwargs.items())
        return collections.namedtuple(typename, [pair[0] for pair in pairs])


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed namedtuple: class P(NamedTuple): x: int; y: int = 0"""
    _root = True


class _TypedDictMeta(type):
    # A TypedDict class collects the annotations of its bases and itself;
    # its instances are plain dicts.
    def __new__(mcls, name, bases, ns, total=True):
        merged = {}
        for base in bases:
            merged.update(getattr(base, '__annotations__', {}))
        merged.update(ns.get('__annotations__', {}))
        ns['__annotations__'] = merged
        ns['__total__'] = total
        return super().__new__(mcls, name, (dict,), ns)

    def __call__(cls, *args, **kwargs):
        if cls is not TypedDict:
            return dict(*args, **kwargs)
        # TypedDict('Movie', {'title': str, ...})
        fields = dict(args[1]) if len(args) > 1 else {}
        return _TypedDictMeta(args[0], (), {'__annotations__': fields})


class TypedDict(dict, metaclass=_TypedDictMeta):
    """A dict with a fixed set of keys: instances are plain dicts."""


# --- functions ------------------------------------------------------------------------

def cast(typ, val):
    """Tell a type checker that val has type typ; returns val unchanged."""
    return val


def _identity_decorator(doc):
    def decorator(arg):
        return arg
    decorator.__doc__ = doc
    return decorator


overload = _identity_decorator('Mark an overload signature; the last definition is the one used.')
final = _identity_decorator('Mark a method or class as final (not checked at run time).')
runtime_checkable = _identity_decorator('Mark a protocol class as usable with isinstance().')
overload.__name__, final.__name__ = 'overload', 'final'
runtime_checkable.__name__ = 'runtime_checkable'


def no_type_check(arg):
    """Mark arg's annotations (a class's: its methods' too) as not being
    type hints: get_type_hints() then reports none."""
    targets = [arg]
    if isinstance(arg, type):
        targets += [v for v in arg.__dict__.values() if callable(v) and not isinstance(v, type)]
    for target in targets:
        try:
            target.__no_type_check__ = True
        except (AttributeError, TypeError):
            pass
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of obj; for a class, those of its whole MRO with the
    most derived class winning. String annotations are not evaluated."""
    if getattr(obj, '__no_type_check__', False):
        return {}
    if not isinstance(obj, type):
        return dict(getattr(obj, '__annotations__', None) or {})
    hints = {}
    for klass in obj.__mro__[::-1]:
        hints.update(klass.__dict__.get('__annotations__', {}))
    return hints


def get_origin(tp):
    """The unsubscripted form of tp (list for List[int], Union for
    Optional[int], Generic for Generic), or None for anything else."""
    if tp is Generic:
        return Generic
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, _BuiltinAlias)):
        return tp.__origin__
    return None


def get_args(tp):
    """The arguments of a subscripted alias, () for anything else."""
    if isinstance(tp, (_GenericAlias, _BuiltinAlias)):
        return tp.__args__
    return ()


# list[int] and friends (types.GenericAlias) answer get_origin/get_args too.
_BuiltinAlias = type(list[int])


def assert_never(arg, /):
    """Fail: a type checker proved this call unreachable, yet it ran."""
    shown = repr(arg)
    if len(shown) > 100:
        shown = shown[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {shown}')


def reveal_type(obj, /):
    """Print the run-time type of obj to stderr and return obj."""
    sys.stderr.write(f'Runtime type is {type(obj).__name__!r}\n')
    return obj
