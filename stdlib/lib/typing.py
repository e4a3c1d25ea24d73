"""Support for type hints, as far as a script needs at run time: the names
exist, subscription works (List[int], Optional[str], Callable[[int], str]),
generic aliases are callable and printable, and Generic, Protocol,
NamedTuple and TypedDict can be used as base classes. No type checking is
done (CPython does none either)."""

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

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, (list, tuple)):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


class _GenericAlias:
    """X[args]: remembers its origin and arguments; calling it calls the
    origin (List[int]() is a list)."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self._name = name

    def __repr__(self):
        name = self._name or _type_repr(self.__origin__)
        if not self._name:
            return f'{name}[{", ".join(_type_repr(a) for a in self.__args__)}]'
        return f'typing.{name}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _SpecialGenericAlias:
    """An unsubscripted alias of a builtin or abc class (List, Dict, ...)."""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __repr__(self):
        return f'typing.{self._name}'

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    """Any, Union, Optional, ClassVar, Final, Literal, ..."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f'typing.Optional[{_type_repr(other)}]'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))


def _union(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if p is None:
            p = type(None)
        if isinstance(p, _UnionAlias):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(Union, tuple(flat), 'Union')


def _optional(self, parameter):
    return _union(self, (parameter, type(None)))


def _generic_form(self, parameters):
    return _GenericAlias(self, parameters, self._name)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _generic_form)
Final = _SpecialForm('Final', _generic_form)
Literal = _SpecialForm('Literal', _generic_form)
TypeGuard = _SpecialForm('TypeGuard', _generic_form)
Concatenate = _SpecialForm('Concatenate', _generic_form)
Annotated = _SpecialForm('Annotated', lambda self, params: params[0] if isinstance(params, tuple) else params)


class TypeVar:
    """Type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


class ParamSpec(TypeVar):
    """Parameter specification variable."""

    @property
    def args(self):
        return self

    @property
    def kwargs(self):
        return self


AnyStr = TypeVar('AnyStr', bytes, str)
Text = str


class Generic:
    """Abstract base class for generic types: class C(Generic[T]) works
    because Generic[...] is Generic itself."""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        return _GenericAlias(cls, params)


class Protocol(Generic):
    """Base class for protocol classes (structural subtyping is not checked)."""


def _alias(origin, name):
    return _SpecialGenericAlias(origin, name)


List = _alias(list, 'List')
Dict = _alias(dict, 'Dict')
Set = _alias(set, 'Set')
FrozenSet = _alias(frozenset, 'FrozenSet')
Tuple = _alias(tuple, 'Tuple')
Type = _alias(type, 'Type')
DefaultDict = _alias(collections.defaultdict, 'DefaultDict')
Deque = _alias(collections.deque, 'Deque')
Counter = _alias(collections.Counter, 'Counter')
OrderedDict = _alias(collections.OrderedDict, 'OrderedDict')
ChainMap = _alias(collections.ChainMap, 'ChainMap')
_abc = collections.abc
Callable = _alias(_abc.Callable, 'Callable')
Iterable = _alias(_abc.Iterable, 'Iterable')
Iterator = _alias(_abc.Iterator, 'Iterator')
Generator = _alias(_abc.Generator, 'Generator')
Reversible = _alias(_abc.Reversible, 'Reversible')
Sequence = _alias(_abc.Sequence, 'Sequence')
MutableSequence = _alias(_abc.MutableSequence, 'MutableSequence')
Mapping = _alias(_abc.Mapping, 'Mapping')
MutableMapping = _alias(_abc.MutableMapping, 'MutableMapping')
AbstractSet = _alias(_abc.Set, 'AbstractSet')
MutableSet = _alias(_abc.MutableSet, 'MutableSet')
Collection = _alias(_abc.Collection, 'Collection')
Container = _alias(_abc.Container, 'Container')
Hashable = _alias(_abc.Hashable, 'Hashable')
Sized = _alias(_abc.Sized, 'Sized')
Awaitable = _alias(_abc.Awaitable, 'Awaitable')
Coroutine = _alias(_abc.Coroutine, 'Coroutine')
AsyncIterable = _alias(_abc.AsyncIterable, 'AsyncIterable')
AsyncIterator = _alias(_abc.AsyncIterator, 'AsyncIterator')
AsyncGenerator = _alias(_abc.AsyncGenerator, 'AsyncGenerator')
KeysView = _alias(_abc.KeysView, 'KeysView')
ItemsView = _alias(_abc.ItemsView, 'ItemsView')
ValuesView = _alias(_abc.ValuesView, 'ValuesView')
del _abc


class SupportsInt(Protocol):
    pass


class SupportsFloat(Protocol):
    pass


class SupportsIndex(Protocol):
    pass


class SupportsAbs(Protocol):
    pass


class SupportsRound(Protocol):
    pass


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


# --- NamedTuple and TypedDict -----------------------------------------------

class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        field_names = list(types)
        defaults = [ns[n] for n in field_names if n in ns]
        nm_tpl = collections.namedtuple(typename, field_names, defaults=defaults,
                                        module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = dict(types)
        for key, value in ns.items():
            if key in ('__module__', '__qualname__', '__annotations__', '_root') or key in field_names:
                continue
            setattr(nm_tpl, key, value)
        return nm_tpl

    def __call__(cls, *args, **kwargs):
        if cls is NamedTuple:
            typename, fields = args[0], args[1] if len(args) > 1 else list(kwargs.items())
            return collections.namedtuple(typename, [name for name, _ in fields])
        return super().__call__(*args, **kwargs)


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of namedtuple: class P(NamedTuple): x: int; y: int = 0"""
    _root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        annotations = {}
        for base in bases:
            annotations.update(getattr(base, '__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        ns['__annotations__'] = annotations
        ns['__total__'] = total
        return super().__new__(mcls, name, (dict,), ns)

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _TypedDictMeta(args[0], (), {'__annotations__': dict(args[1]) if len(args) > 1 else {}})
        return dict(*args, **kwargs)


class TypedDict(dict, metaclass=_TypedDictMeta):
    """A dict with a fixed set of keys: instances are plain dicts."""


# --- functions ------------------------------------------------------------------

def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def overload(func):
    """Decorator for overloaded functions/methods (the last definition wins)."""
    return func


def final(f):
    """A decorator to indicate final methods and final classes."""
    return f


def no_type_check(arg):
    """Decorator to indicate that annotations are not type hints."""
    return arg


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol."""
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object (its __annotations__, merged along the MRO for classes)."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}) or {})


def get_origin(tp):
    """Get the unsubscripted version of a type."""
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    """Reveal the inferred type of a variable (prints it to stderr)."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj
