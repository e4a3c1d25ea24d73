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
import abc
import types

_PEP604Union = types.UnionType

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
           'SupportsFloat', 'SupportsIndex', 'SupportsAbs', 'SupportsRound',
           'SupportsComplex', 'SupportsBytes', 'ForwardRef', 'NewType', 'Required',
           'NotRequired', 'dataclass_transform']

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
        made = self.__origin__(*args, **kwargs)
        if not self._name:
            try:
                made.__orig_class__ = self
            except AttributeError:
                pass
        return made

    def __mro_entries__(self, bases):
        # PEP 560: as a base class the alias stands for its origin (and
        # Generic[...] for Generic, unless a later base brings it anyway).
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError(f'Cannot subclass {self!r}')
        later = bases[bases.index(self) + 1:]
        if origin is Generic or self._name:
            entries = [] if origin is Generic or origin in bases else [origin]
            if origin is Generic and Protocol in bases:
                return ()
            if not any(isinstance(b, _GenericAlias) or
                       (isinstance(b, type) and issubclass(b, Generic)) for b in later):
                entries.append(Generic)
            return tuple(entries)
        return (origin,)

    @property
    def __parameters__(self):
        found = []
        for arg in self.__args__:
            inner = (arg,) if isinstance(arg, TypeVar) else getattr(arg, '__parameters__', ())
            if isinstance(arg, type):
                inner = ()
            found.extend(p for p in inner if p not in found)
        return tuple(found)

    def __getitem__(self, args):
        # Substitute the type variables: List[T][int] is List[int].
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self} is not a generic class')
        items = args if type(args) is tuple else (args,)
        if len(items) != len(params):
            many = 'many' if len(items) > len(params) else 'few'
            raise TypeError(f'Too {many} arguments for {self}; actual {len(items)}, '
                            f'expected {len(params)}')
        chosen = dict(zip(params, items))

        def substitute(arg):
            if isinstance(arg, TypeVar):
                return chosen.get(arg, arg)
            inner = () if isinstance(arg, type) else getattr(arg, '__parameters__', ())
            if inner:
                picked = tuple(chosen.get(p, p) for p in inner)
                return arg[picked if len(picked) > 1 else picked[0]]
            return arg
        new_args = tuple(substitute(arg) for arg in self.__args__)
        if isinstance(self, _UnionAlias):
            return Union[new_args]
        return type(self)(self.__origin__, new_args, self._name)

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
        if isinstance(other, (_UnionAlias, _PEP604Union)):
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
        parts = item.__args__ if isinstance(item, (_UnionAlias, _PEP604Union)) else (item,)
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


def _literal(form, parameters):
    # Literal[1, 1, 2] keeps each value once (equal values of different
    # types, 1 and True, both stay); its == ignores order.
    kept = []
    for value in parameters if type(parameters) is tuple else (parameters,):
        if not any(type(value) is type(k) and value == k for k in kept):
            kept.append(value)
    return _LiteralAlias(form, tuple(kept), form._name)


class _LiteralAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set(map(_literal_key, self.__args__)) == set(map(_literal_key, other.__args__))

    def __hash__(self):
        return hash(frozenset(map(_literal_key, self.__args__)))


def _literal_key(value):
    return type(value), value


Union = _SpecialForm('Union', _make_union)
Optional = _SpecialForm('Optional', _make_optional)
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')
ClassVar = _SpecialForm('ClassVar', _wrap)
Final = _SpecialForm('Final', _wrap)
Literal = _SpecialForm('Literal', _literal)
Required = _SpecialForm('Required', _wrap)
NotRequired = _SpecialForm('NotRequired', _wrap)
TypeGuard = _SpecialForm('TypeGuard', _wrap)
Concatenate = _SpecialForm('Concatenate', _wrap)


class _AnyMeta(type):
    # Any | X is type's own `|`: a types.UnionType, as in CPython 3.11.
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

    def __typing_subst__(self, arg):
        # Its presence marks a type variable for list[T].__parameters__.
        return arg


class ParamSpec(TypeVar):
    """The parameters of a callable, P = ParamSpec('P'); P.args and
    P.kwargs stand for *args and **kwargs."""

    args = property(lambda self: _ParamSpecPart(self, 'args'))
    kwargs = property(lambda self: _ParamSpecPart(self, 'kwargs'))


class _ParamSpecPart:
    def __init__(self, origin, part):
        self.__origin__ = origin
        self._part = part

    def __repr__(self):
        return f'{self.__origin__.__name__}.{self._part}'

    def __eq__(self, other):
        if not isinstance(other, _ParamSpecPart):
            return NotImplemented
        return (self.__origin__, self._part) == (other.__origin__, other._part)

    def __hash__(self):
        return hash((self.__origin__, self._part))


AnyStr = TypeVar('AnyStr', bytes, str)
Text = str


# --- base classes ----------------------------------------------------------------------

class Generic:
    """Base for user generic classes: class Box(Generic[T]). Box's type
    variables become Box.__parameters__, and Box[int] is an alias that
    calls Box (recording itself as the instance's __orig_class__)."""

    def __class_getitem__(cls, params):
        items = params if type(params) is tuple else (params,)
        if cls in (Generic, Protocol):
            if not items:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(isinstance(p, TypeVar) for p in items):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables '
                                'or parameter specification variables.')
            if len(set(items)) != len(items):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
            return _GenericAlias(cls, items)
        expected = len(cls.__dict__.get('__parameters__', ()))
        if len(items) != expected:
            many = 'many' if len(items) > expected else 'few'
            raise TypeError(f'Too {many} arguments for {cls}; actual {len(items)}, '
                            f'expected {expected}')
        return _GenericAlias(cls, items)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        written = cls.__dict__.get('__orig_bases__', ())
        declared = [b for b in written
                    if isinstance(b, _GenericAlias) and b.__origin__ is Generic]
        if len(declared) > 1:
            raise TypeError('Cannot inherit from Generic[...] multiple times.')
        found = []
        for base in written:
            for p in getattr(base, '__parameters__', ()) if isinstance(base, _GenericAlias) else ():
                if p not in found:
                    found.append(p)
        if declared:
            listed = declared[0].__args__
            missing = [p for p in found if p not in listed]
            if missing:
                shown = ', '.join(str(p) for p in missing)
                raise TypeError(f'Some type variables ({shown}) are not listed in '
                                f"Generic[{', '.join(str(p) for p in listed)}]")
            found = list(listed)
        cls.__parameters__ = tuple(found)


# Names a protocol class has that are not members of the protocol.
_NOT_PROTOCOL_MEMBERS = frozenset({
    '__abstractmethods__', '__annotations__', '__weakref__', '_is_protocol',
    '_is_runtime_protocol', '__dict__', '__args__', '__slots__', '__next_in_mro__',
    '__parameters__', '__origin__', '__orig_bases__', '__extra__', '__tree_hash__',
    '__doc__', '__subclasshook__', '__init__', '__new__', '__module__', '__qualname__',
    '_MutableMapping__marker', '__class_getitem__', '__init_subclass__',
})


def _protocol_members(cls):
    """The attribute names a protocol requires: what its protocol classes
    define or annotate, Protocol and Generic themselves excluded."""
    members = set()
    for klass in cls.__mro__[:-1]:
        if klass.__name__ in ('Protocol', 'Generic'):
            continue
        own = list(klass.__dict__) + list(klass.__dict__.get('__annotations__', {}))
        members.update(n for n in own if n not in _NOT_PROTOCOL_MEMBERS and n[:5] != '_abc_')
    return members


def _methods_only(cls):
    return all(callable(getattr(cls, name, None)) for name in _protocol_members(cls))


_NOT_RUNTIME = 'Instance and class checks can only be used with @runtime_checkable protocols'


class _ProtocolMeta(abc.ABCMeta):
    # isinstance() against a runtime-checkable protocol looks at the members;
    # issubclass() goes through the protocol's __subclasshook__ below.
    def __instancecheck__(cls, instance):
        is_protocol = cls.__dict__.get('_is_protocol', False)
        if is_protocol and not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError(_NOT_RUNTIME)
        if (not is_protocol or _methods_only(cls)) and issubclass(type(instance), cls):
            return True
        if is_protocol:
            found = True
            for name in _protocol_members(cls):
                if not hasattr(instance, name):
                    found = False
                    break
                if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                    found = False
                    break
            if found:
                return True
        return super().__instancecheck__(instance)


def _from_abc_machinery():
    # True when the issubclass() that reached the hook below was made by
    # abc itself (isinstance's fallback, the registry walk), not by a user:
    # those checks are allowed to fail quietly.
    try:
        caller = sys._getframe(4)
    except ValueError:
        return False
    return caller.f_globals.get('__name__') in ('abc', 'functools')


def _protocol_subclasshook(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    if not getattr(cls, '_is_runtime_protocol', False):
        if _from_abc_machinery():
            return NotImplemented
        raise TypeError(_NOT_RUNTIME)
    if not _methods_only(cls):
        if _from_abc_machinery():
            return NotImplemented
        raise TypeError("Protocols with non-method members don't support issubclass()")
    if not isinstance(other, type):
        raise TypeError('issubclass() arg 1 must be a class')
    for name in _protocol_members(cls):
        for klass in other.__mro__:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
            notes = klass.__dict__.get('__annotations__', {})
            if name in notes and klass.__dict__.get('_is_protocol', False):
                break
        else:
            return NotImplemented
    return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base for protocol classes (structural subtyping). Decorated with
    @runtime_checkable, a protocol works with isinstance() and, when all its
    members are methods, issubclass(): by the members a class has."""
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = classmethod(_protocol_subclasshook)

    def __new__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__new__(cls)


def runtime_checkable(cls):
    """Mark a protocol class as usable with isinstance() and issubclass()."""
    if not issubclass(cls, Generic) or not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        f' got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


def _empty_protocol(name, method):
    def member(self):
        pass
    body = {'__module__': __name__, method: member, '__slots__': ()}
    return runtime_checkable(_ProtocolMeta(name, (Protocol,), body))


SupportsInt = _empty_protocol('SupportsInt', '__int__')
SupportsFloat = _empty_protocol('SupportsFloat', '__float__')
SupportsComplex = _empty_protocol('SupportsComplex', '__complex__')
SupportsBytes = _empty_protocol('SupportsBytes', '__bytes__')
SupportsIndex = _empty_protocol('SupportsIndex', '__index__')
SupportsAbs = _empty_protocol('SupportsAbs', '__abs__')
SupportsRound = _empty_protocol('SupportsRound', '__round__')


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
        made.__annotations__ = _field_types(hints.items())
        for key, value in ns.items():
            if key not in _NAMEDTUPLE_SKIP and key not in hints:
                setattr(made, key, value)
        return made

    def __call__(cls, *args, **kwargs):
        if cls is not NamedTuple:
            return super().__call__(*args, **kwargs)
        # NamedTuple('P', [('x', int), ...]) or NamedTuple('P', x=int, ...)
        typename = args[0]
        pairs = list(args[1] if len(args) > 1 else kwargs.items())
        module = sys._getframe(1).f_globals.get('__name__', '__main__')
        made = collections.namedtuple(typename, [pair[0] for pair in pairs], module=module)
        made.__annotations__ = _field_types(pairs)
        return made


def _field_types(pairs):
    # A field's type as NamedTuple records it: strings become ForwardRefs.
    message = "NamedTuple('Name', [(f0, t0), (f1, t1), ...]); each t must be a type"
    return {name: _type_check(hint, message) for name, hint in pairs}


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed namedtuple: class P(NamedTuple): x: int; y: int = 0"""
    _root = True


def _unwrap_required(hint):
    # (hint without Required/NotRequired, True/False/None for which one)
    if isinstance(hint, _GenericAlias) and hint.__origin__ in (Required, NotRequired):
        return hint.__args__[0], hint.__origin__ is Required
    return hint, None


class _TypedDictMeta(type):
    # A TypedDict class collects the annotations of its bases and itself,
    # and sorts its keys into required and optional ones (by `total`, and
    # per key by Required[...] / NotRequired[...]); its instances are plain
    # dicts.
    def __new__(mcls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base not in (Generic, dict):
                raise TypeError('cannot inherit from both a TypedDict type and a non-TypedDict base class')
        merged, required, optional = {}, set(), set()
        for base in bases:
            merged.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        for key, hint in own.items():
            _, marker = _unwrap_required(hint)
            is_required = total if marker is None else marker
            (required if is_required else optional).add(key)
            (optional if is_required else required).discard(key)
        merged.update(own)
        ns['__annotations__'] = merged
        ns['__required_keys__'] = frozenset(required)
        ns['__optional_keys__'] = frozenset(optional)
        ns['__total__'] = total
        return super().__new__(mcls, name, (dict,), ns)

    def __call__(cls, *args, **kwargs):
        if cls is not TypedDict:
            return dict(*args, **kwargs)
        # TypedDict('Movie', {'title': str, ...}, total=...)
        total = kwargs.pop('total', True)
        fields = dict(args[1]) if len(args) > 1 else {}
        body = {'__annotations__': fields, '__module__': sys._getframe(1).f_globals.get('__name__', '__main__')}
        return _TypedDictMeta(args[0], (), body, total=total)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


class TypedDict(dict, metaclass=_TypedDictMeta):
    """A dict with a fixed set of keys: instances are plain dicts."""


class NewType:
    """NewType('UserId', int): a callable that returns its argument, which
    type checkers treat as a distinct subtype."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__')

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ForwardRef(_Combinable):
    """A type written as a string, evaluated later by get_type_hints()."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        try:
            self.__forward_code__ = compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f'Forward reference must be an expression -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        if self.__forward_module__ is not None:
            globalns = getattr(sys.modules.get(self.__forward_module__), '__dict__', globalns)
        value = eval(self.__forward_code__, globalns, localns)
        value = _type_check(value, 'Forward references must evaluate to types.',
                            self.__forward_is_argument__, self.__forward_is_class__)
        return _evaluate_hint(value, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __repr__(self):
        module = '' if self.__forward_module__ is None else f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module})'


def _type_check(value, message, is_argument=True, is_class=False):
    # What an annotation may be: None stands for NoneType, a string for a
    # forward reference; ClassVar and Final only where a class allows them.
    if value is None:
        return _NoneType
    if isinstance(value, str):
        return ForwardRef(value, is_argument, is_class=is_class)
    refused = (ClassVar, Final) if is_argument and not is_class else ()
    if isinstance(value, _GenericAlias) and value.__origin__ in refused:
        raise TypeError(f'{value} is not valid as type argument')
    if value in (ClassVar, Final, Generic, Protocol) and not (is_class and value is not Generic):
        raise TypeError(f'Plain {value} is not valid as type argument')
    if isinstance(value, (_SpecialForm, _GenericAlias, _SpecialGenericAlias, TypeVar,
                          _PEP604Union, _BuiltinAlias, ForwardRef, NewType)):
        return value
    if not callable(value):
        raise TypeError(f'{message} Got {value!r:.100}.')
    return value


class Annotated:
    """Annotated[T, x, ...]: the type T with context-specific metadata."""

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if type(params) is not tuple or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments'
                            ' (a type and an annotation).')
        origin = _type_check(params[0], 'Annotated[t, ...]: t must be a type.', is_class=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        shown = ', '.join(repr(m) for m in self.__metadata__)
        return f'typing.Annotated[{_show(self.__origin__)}, {shown}]'

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__, self.__metadata__) == (other.__origin__, other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


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
overload.__name__, final.__name__ = 'overload', 'final'


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


def _evaluate_hint(hint, globalns, localns):
    # Strings inside a hint (ForwardRefs, list['Tree'], Optional['Tree'])
    # are evaluated in the given namespaces, recursively.
    if isinstance(hint, ForwardRef):
        return hint._evaluate(globalns, localns)
    if isinstance(hint, _BuiltinAlias):
        args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in hint.__args__)
        evaluated = tuple(_evaluate_hint(a, globalns, localns) for a in args)
        if evaluated == hint.__args__:
            return hint
        return _BuiltinAlias(hint.__origin__, evaluated)
    if isinstance(hint, _PEP604Union):
        evaluated = tuple(_evaluate_hint(a, globalns, localns) for a in hint.__args__)
        if evaluated == hint.__args__:
            return hint
        result = evaluated[0]
        for member in evaluated[1:]:
            result = result | member
        return result
    if isinstance(hint, _AnnotatedAlias):
        return _AnnotatedAlias(_evaluate_hint(hint.__origin__, globalns, localns),
                               hint.__metadata__)
    if isinstance(hint, _GenericAlias) and not isinstance(hint, _LiteralAlias):
        evaluated = tuple(_evaluate_arg(a, globalns, localns) for a in hint.__args__)
        if evaluated == hint.__args__:
            return hint
        if isinstance(hint, _UnionAlias):
            return Union[evaluated]
        return type(hint)(hint.__origin__, evaluated, hint._name)
    return hint


def _evaluate_arg(arg, globalns, localns):
    if isinstance(arg, str):
        arg = ForwardRef(arg)
    if isinstance(arg, list):
        return [_evaluate_arg(a, globalns, localns) for a in arg]
    return _evaluate_hint(arg, globalns, localns)


def _strip_extras(hint):
    # Annotated[T, ...] -> T and Required[T] / NotRequired[T] -> T, anywhere.
    if isinstance(hint, _AnnotatedAlias):
        return _strip_extras(hint.__origin__)
    if isinstance(hint, _GenericAlias) and hint.__origin__ in (Required, NotRequired):
        return _strip_extras(hint.__args__[0])
    if isinstance(hint, _GenericAlias) and not isinstance(hint, _LiteralAlias):
        stripped = tuple(_strip_extras(a) for a in hint.__args__)
        if stripped == hint.__args__:
            return hint
        if isinstance(hint, _UnionAlias):
            return Union[stripped]
        return type(hint)(hint.__origin__, stripped, hint._name)
    if isinstance(hint, _BuiltinAlias):
        stripped = tuple(_strip_extras(a) for a in hint.__args__)
        return hint if stripped == hint.__args__ else _BuiltinAlias(hint.__origin__, stripped)
    if isinstance(hint, _PEP604Union):
        stripped = tuple(_strip_extras(a) for a in hint.__args__)
        return hint if stripped == hint.__args__ else Union[stripped]
    return hint


def _class_hints(cls, globalns, localns):
    hints = {}
    for klass in reversed(cls.__mro__):
        notes = klass.__dict__.get('__annotations__', {})
        if not isinstance(notes, dict):
            continue
        if globalns is None:
            g = getattr(sys.modules.get(klass.__module__), '__dict__', {})
        else:
            g = globalns
        l = dict(vars(klass)) if localns is None else localns
        if globalns is None and localns is None:
            # The module's names win over the class's, as CPython keeps
            # for compatibility with Python before 3.10.
            g, l = l, g
        for name, value in notes.items():
            if value is None:
                value = _NoneType
            elif isinstance(value, str):
                value = ForwardRef(value, is_argument=False, is_class=True)
            hints[name] = _evaluate_hint(value, g, l)
    return hints


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The type hints of a function, method, module or class: its
    annotations with strings (forward references, PEP 563) evaluated, None
    as NoneType; for a class those of its whole MRO, the most derived class
    winning. Without include_extras, Annotated[T, ...], Required[T] and
    NotRequired[T] are reported as T."""
    if getattr(obj, '__no_type_check__', False):
        return {}
    if isinstance(obj, type):
        hints = _class_hints(obj, globalns, localns)
    else:
        if globalns is None:
            if isinstance(obj, types.ModuleType):
                globalns = obj.__dict__
            else:
                inner = obj
                while hasattr(inner, '__wrapped__'):
                    inner = inner.__wrapped__
                globalns = getattr(inner, '__globals__', {})
            if localns is None:
                localns = globalns
        elif localns is None:
            localns = globalns
        notes = getattr(obj, '__annotations__', None)
        if notes is None:
            if isinstance(obj, _ALLOWED_WITHOUT_HINTS):
                return {}
            raise TypeError(f'{obj!r} is not a module, class, method, or function.')
        hints = {}
        is_argument = not isinstance(obj, types.ModuleType)
        for name, value in notes.items():
            if value is None:
                value = _NoneType
            elif isinstance(value, str):
                value = ForwardRef(value, is_argument, is_class=False)
            hints[name] = _evaluate_hint(value, globalns, localns)
    if include_extras:
        return hints
    return {name: _strip_extras(hint) for name, hint in hints.items()}


def get_origin(tp):
    """The unsubscripted form of tp: list for List[int] and list[int],
    Union for Optional[int], types.UnionType for int | str, Annotated for
    Annotated[...], Generic for Generic; None for anything else."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if tp is Generic:
        return Generic
    if isinstance(tp, _PEP604Union):
        return _PEP604Union
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, _BuiltinAlias, _ParamSpecPart)):
        return tp.__origin__
    return None


def get_args(tp):
    """The arguments of a subscripted alias, with Callable's parameters as
    a list first, Annotated's type then metadata; () for anything else."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _BuiltinAlias, _PEP604Union)):
        return tp.__args__
    return ()


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Mark a decorator, base class or metaclass as creating dataclass-like
    classes (PEP 681); at run time it only records its arguments."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'field_specifiers': field_specifiers,
            'kwargs': kwargs,
        }
        return cls_or_fn
    return decorator


# list[int] and friends (types.GenericAlias) answer get_origin/get_args too.
_BuiltinAlias = type(list[int])
_ALLOWED_WITHOUT_HINTS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                          types.ModuleType)


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
