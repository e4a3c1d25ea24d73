"""Data classes (PEP 557): the @dataclass decorator, field(), Field,
InitVar, KW_ONLY and the helpers fields(), asdict(), astuple(), replace(),
make_dataclass() and is_dataclass().

The decorator reads the annotations of a class and gives it the methods a
plain record needs: __init__, __repr__, __eq__, the ordering methods,
__hash__ and, for frozen classes, __setattr__/__delattr__ that refuse to
change fields. The behaviour, the messages and the exception types are
CPython 3.11's.

How it works: every generated method is written as Python source for the
one class at hand (one statement per field, no loops over the fields at
call time), and all of a class's methods are compiled by a single exec.
The values the source refers to (defaults, factories, object.__setattr__)
reach the functions as closure cells of a maker function, not as globals,
so the hot paths (instance creation, ==, repr) do a minimum of lookups.
"""

import copy
import keyword
import sys
from _thread import get_ident

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']

# The two attributes a processed class carries; other modules (and
# is_dataclass) recognise a dataclass by the first one.
_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'


# --- markers ---------------------------------------------------------------------

class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen dataclass instance is assigned or deleted."""


class _MISSING_TYPE:
    pass


class _KW_ONLY_TYPE:
    pass


# MISSING stands for "no value given" where None is a valid value; KW_ONLY
# is used as an annotation (`_: KW_ONLY`) to make later fields keyword-only.
MISSING = _MISSING_TYPE()
KW_ONLY = _KW_ONLY_TYPE()


class _FactoryMarker:
    # The default of an __init__ parameter whose field has a default_factory:
    # it tells "not passed" apart from any value a caller could pass, and it
    # prints as <factory> in signatures.
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _FactoryMarker()


class _FieldKind:
    # What an annotation declared: a real field, a ClassVar (not a field at
    # all, but kept in __dataclass_fields__) or an InitVar (an __init__
    # parameter only). Field's repr shows the kind by name.
    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return self.label


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')


class InitVar:
    """Annotation for an __init__-only pseudo-field: InitVar[int]. Its value
    is passed to __post_init__ and not stored on the instance."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        shown = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{shown}]'


# --- Field and field() ---------------------------------------------------------

# The built-in types the module needs, named without importing `types`.
_MappingProxy = type(type.__dict__)
_GenericAlias = type(list[int])
_NO_METADATA = _MappingProxy({})


class Field:
    """One field of a dataclass, as returned by fields(). Created by field();
    name and type are filled in when the class is processed."""
    __slots__ = ('name', 'type', 'default', 'default_factory', 'init', 'repr',
                 'hash', 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        # name, type and _field_type are set when the class is processed.
        self.name = self.type = self._field_type = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash, self.compare = init, repr, hash, compare
        # Read-only, so that two classes sharing one metadata dict cannot
        # change each other's fields.
        self.metadata = _NO_METADATA if metadata is None else _MappingProxy(metadata)
        self.kw_only = kw_only

    def __repr__(self):
        shown = ','.join(f'{attr}={getattr(self, attr)!r}' for attr in Field.__slots__)
        return f'Field({shown})'

    def __set_name__(self, owner, name):
        # A default that is itself a descriptor must still learn its name,
        # as it would if it had been assigned in the class body directly.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)

    def _has_default(self):
        return self.default is not MISSING or self.default_factory is not MISSING


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field: its default or default_factory (a zero-argument
    callable), whether it is an __init__ parameter, shown by repr, part of
    ==, ordering and hash, keyword-only, and free-form metadata."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    # The decorator's arguments, kept on the class as __dataclass_params__.
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init, self.repr, self.eq, self.order = init, repr, eq, order
        self.unsafe_hash, self.frozen = unsafe_hash, frozen

    def __repr__(self):
        shown = ','.join(f'{attr}={getattr(self, attr)!r}' for attr in self.__slots__)
        return f'_DataclassParams({shown})'


# --- reading the class body ------------------------------------------------------

def _string_refers_to(cls, text, module_name, attr, obj):
    # A string annotation such as 'ClassVar[int]' or 't.ClassVar' names obj
    # when the class's module binds that name to it (possibly through an
    # alias of the module that defines obj).
    head = text.split('[', 1)[0].strip()
    prefix, _, last = head.rpartition('.')
    if last != attr:
        return False
    home = sys.modules.get(cls.__module__)
    names = getattr(home, '__dict__', {})
    if not prefix:
        return names.get(last) is obj
    alias = names.get(prefix.strip())
    return alias is not None and alias is sys.modules.get(module_name)


def _is_classvar(cls, annotation):
    typing = sys.modules.get('typing')
    if typing is None:
        # Nobody imported typing, so no annotation can be its ClassVar.
        return False
    if isinstance(annotation, str):
        return _string_refers_to(cls, annotation, 'typing', 'ClassVar', typing.ClassVar)
    return annotation is typing.ClassVar or getattr(annotation, '__origin__', None) is typing.ClassVar


def _is_initvar(cls, annotation):
    if isinstance(annotation, str):
        return _string_refers_to(cls, annotation, 'dataclasses', 'InitVar', InitVar)
    return annotation is InitVar or type(annotation) is InitVar


def _is_kw_only_marker(cls, annotation):
    if isinstance(annotation, str):
        return _string_refers_to(cls, annotation, 'dataclasses', 'KW_ONLY', KW_ONLY)
    return annotation is KW_ONLY


def _make_field(cls, name, annotation, kw_only):
    found = cls.__dict__.get(name, MISSING)
    f = found if isinstance(found, Field) else field(default=found)
    f.name = name
    f.type = annotation
    if _is_classvar(cls, annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(cls, annotation):
        f._field_type = _FIELD_INITVAR
    else:
        f._field_type = _FIELD
    if f._field_type is not _FIELD and f.default_factory is not MISSING:
        raise TypeError(f'field {name} cannot have a default factory')
    if f._field_type is _FIELD_CLASSVAR:
        f.kw_only = False
    elif f.kw_only is MISSING:
        f.kw_only = kw_only
    # Unhashable defaults (list, dict, set, ...) are almost always mutable,
    # and one instance would be shared by every object of the class.
    if f._field_type is _FIELD and type(f.default).__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{name} is not allowed: use default_factory')
    return f


def _own_fields(cls, kw_only):
    # The fields declared in cls itself, in annotation order.
    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    marker_name = None
    for name, annotation in annotations.items():
        if _is_kw_only_marker(cls, annotation):
            if marker_name is not None:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            marker_name = name
            kw_only = True
        else:
            own.append(_make_field(cls, name, annotation, kw_only))
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    return own


def _inherited_fields(cls, frozen):
    # Fields of dataclass bases, the most basic first, so that a subclass's
    # redefinition keeps the position of the original but its own settings.
    collected = {}
    frozen_bases = []
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get(_FIELDS)
        if base_fields is None:
            continue
        collected.update(base_fields)
        frozen_bases.append(getattr(base, _PARAMS).frozen)
    if frozen_bases:
        if any(frozen_bases) and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if frozen and not any(frozen_bases):
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    return collected


def _replace_class_attributes(cls, own):
    # A `x: int = field(...)` leaves the Field object in the class; the class
    # attribute becomes the plain default, or goes away when there is none.
    for f in own:
        if not isinstance(cls.__dict__.get(f.name), Field):
            continue
        if f.default is not MISSING:
            setattr(cls, f.name, f.default)
        else:
            delattr(cls, f.name)


# --- generating methods ---------------------------------------------------------

class _MethodWriter:
    """Collects the source of the methods of one class, then compiles them
    with one exec. bind() makes a value visible to the generated code under
    a name that cannot clash with a field."""

    def __init__(self, cls):
        self.cls = cls
        self.bound = {}
        self.chunks = []
        self.names = []

    def bind(self, key, value):
        name = f'__dc_{key}__'
        self.bound[name] = value
        return name

    def add(self, name, params, body):
        header = f'  def {name}({", ".join(params)}):'
        lines = [header] + [f'    {line}' for line in body]
        self.chunks.append('\n'.join(lines))
        self.names.append(name)

    def compile(self):
        source = '\n'.join([f'def __dc_make__({", ".join(self.bound)}):'] + self.chunks
                           + [f'  return ({", ".join(self.names)},)'])
        namespace = {}
        home = sys.modules.get(self.cls.__module__)
        exec(source, getattr(home, '__dict__', {}), namespace)
        made = namespace['__dc_make__'](**self.bound)
        return dict(zip(self.names, made))


def _tuple_of(owner, fields):
    # Source for the tuple of some fields of `owner`, e.g. "(self.x,self.y,)".
    if not fields:
        return '()'
    return '(' + ''.join(f'{owner}.{f.name},' for f in fields) + ')'


def _init_param(writer, f):
    if f.default is not MISSING:
        suffix = '=' + writer.bind(f'default_{f.name}', f.default)
    elif f.default_factory is not MISSING:
        suffix = '=' + writer.bind('factory_marker', _HAS_DEFAULT_FACTORY)
    else:
        suffix = ''
    return f'{f.name}:{writer.bind(f"type_{f.name}", f.type)}{suffix}'


def _init_value(writer, f, slots):
    # Source of the value __init__ stores in f, or None when it stores nothing.
    if f.default_factory is not MISSING:
        call = writer.bind(f'factory_{f.name}', f.default_factory) + '()'
        if not f.init:
            return call
        marker = writer.bind('factory_marker', _HAS_DEFAULT_FACTORY)
        return f'{call} if {f.name} is {marker} else {f.name}'
    if f.init:
        return f.name
    if slots and f.default is not MISSING:
        # With __slots__ there is no class attribute to fall back on.
        return writer.bind(f'default_{f.name}', f.default)
    return None


def _check_default_order(params):
    seen_default = False
    for f in params:
        if f._has_default():
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')


def _write_init(writer, init_fields, frozen, slots):
    positional = [f for f in init_fields if f.init and not f.kw_only]
    keyword_only = [f for f in init_fields if f.init and f.kw_only]
    _check_default_order(positional)
    self_name = '__dc_self__' if any(f.name == 'self' for f in init_fields) else 'self'
    params = [self_name] + [_init_param(writer, f) for f in positional]
    if keyword_only:
        params += ['*'] + [_init_param(writer, f) for f in keyword_only]
    body = []
    for f in init_fields:
        value = None if f._field_type is _FIELD_INITVAR else _init_value(writer, f, slots)
        if value is None:
            continue
        if frozen:
            setter = writer.bind('setattr', object.__setattr__)
            body.append(f'{setter}({self_name},{f.name!r},{value})')
        else:
            body.append(f'{self_name}.{f.name}={value}')
    if hasattr(writer.cls, '__post_init__'):
        extra = ','.join(f.name for f in init_fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.__post_init__({extra})')
    writer.add('__init__', params, body or ['pass'])
    return positional, keyword_only


def _write_repr(writer, shown):
    # The recursion guard is inlined (not a wrapper) to save a call per
    # repr: a field that contains its own instance prints as "...".
    running = writer.bind('repr_running', set())
    ident = writer.bind('get_ident', get_ident)
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in shown)
    writer.add('__repr__', ['self'], [
        f'key = (id(self), {ident}())',
        f'if key in {running}:',
        "    return '...'",
        f'{running}.add(key)',
        'try:',
        f'    return self.__class__.__qualname__ + f"({parts})"',
        'finally:',
        f'    {running}.discard(key)',
    ])


def _write_compare(writer, name, op, compared):
    writer.add(name, ['self', 'other'], [
        'if other.__class__ is not self.__class__:',
        '    return NotImplemented',
        f'return {_tuple_of("self", compared)}{op}{_tuple_of("other", compared)}',
    ])


def _write_eq(writer, compared):
    # Field by field rather than by building two tuples (faster), with the
    # meaning of tuple equality: identical values count as equal (so a NaN
    # field equals itself) and the answer is always a bool.
    body = ['if other.__class__ is not self.__class__:', '    return NotImplemented']
    for f in compared:
        mine, theirs = f'self.{f.name}', f'other.{f.name}'
        body.append(f'if {mine} is not {theirs} and not {mine} == {theirs}:')
        body.append('    return False')
    writer.add('__eq__', ['self', 'other'], body + ['return True'])


def _write_frozen_guards(writer, field_list):
    owner = writer.bind('cls', writer.cls)
    error = writer.bind('FrozenInstanceError', FrozenInstanceError)
    names = '{' + ', '.join(repr(f.name) for f in field_list) + '}' if field_list else '()'
    test = f'type(self) is {owner} or name in {names}'
    writer.add('__setattr__', ['self', 'name', 'value'], [
        f'if {test}:',
        f'    raise {error}(f"cannot assign to field {{name!r}}")',
        f'super({owner}, self).__setattr__(name, value)',
    ])
    writer.add('__delattr__', ['self', 'name'], [
        f'if {test}:',
        f'    raise {error}(f"cannot delete field {{name!r}}")',
        f'super({owner}, self).__delattr__(name)',
    ])


def _hash_plan(cls, eq, frozen, unsafe_hash):
    # What to do with __hash__: 'add' one over the fields, set it to 'none'
    # (mutable and comparable: unhashable), or 'keep' what the class has.
    # A class body that defines __eq__ but not __hash__ gets __hash__ = None
    # from Python itself; that None does not count as the user's choice.
    own = cls.__dict__.get('__hash__', MISSING)
    explicit = own is not MISSING and not (own is None and '__eq__' in cls.__dict__)
    if unsafe_hash:
        if explicit:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        return 'add'
    if explicit or not eq:
        return 'keep'
    return 'add' if frozen else 'none'


# --- the decorator ---------------------------------------------------------------

class _Options:
    # The decorator's keyword arguments, passed around as one object.
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def _install(cls, name, fn):
    # Add a generated method unless the class body defines that name;
    # returns True when the class's own definition was kept.
    if name in cls.__dict__:
        return True
    fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
    setattr(cls, name, fn)
    return False


def _format_annotation(annotation):
    # How a signature shows an annotation (as inspect.signature does).
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, _GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return f'{annotation.__module__}.{annotation.__qualname__}'
    return repr(annotation)


def _signature_text(params):
    positional, keyword_only = params
    pieces = []
    for f in positional + ([None] if keyword_only else []) + keyword_only:
        if f is None:
            pieces.append('*')
            continue
        text = f'{f.name}: {_format_annotation(f.type)}'
        if f.default is not MISSING:
            text += f' = {f.default!r}'
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        pieces.append(text)
    return '(' + ', '.join(pieces) + ')'


def _default_doc(cls, init_params):
    # CPython documents a dataclass by its constructor's signature. Without
    # an introspectable user __init__, only the generated one is described.
    if init_params is not None and cls.__dict__.get('__init__') is not None:
        return cls.__name__ + _signature_text(init_params)
    if cls.__init__ is object.__init__:
        return cls.__name__ + '()'
    return cls.__name__


def _add_methods(cls, all_fields, opts):
    writer = _MethodWriter(cls)
    init_fields = [f for f in all_fields.values() if f._field_type is not _FIELD_CLASSVAR]
    real = [f for f in all_fields.values() if f._field_type is _FIELD]
    compared = [f for f in real if f.compare]
    params = None
    if opts.init:
        params = _write_init(writer, init_fields, opts.frozen, opts.slots)
    if opts.repr:
        _write_repr(writer, [f for f in real if f.repr])
    if opts.eq:
        _write_eq(writer, compared)
    if opts.order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            _write_compare(writer, name, op, compared)
    if opts.frozen:
        _write_frozen_guards(writer, real)
    plan = _hash_plan(cls, opts.eq, opts.frozen, opts.unsafe_hash)
    if plan == 'add':
        hashed = [f for f in real if (f.compare if f.hash is None else f.hash)]
        writer.add('__hash__', ['self'], [f'return hash({_tuple_of("self", hashed)})'])
    made = writer.compile()
    if params is not None and _install(cls, '__init__', made['__init__']):
        params = None
    for name in ('__repr__', '__eq__'):
        if name in made:
            _install(cls, name, made[name])
    _install_strict(cls, made, ('__lt__', '__le__', '__gt__', '__ge__'),
                    '. Consider using functools.total_ordering')
    _install_strict(cls, made, ('__setattr__', '__delattr__'), '')
    if plan == 'add':
        made['__hash__'].__qualname__ = f'{cls.__qualname__}.__hash__'
        cls.__hash__ = made['__hash__']
    elif plan == 'none':
        cls.__hash__ = None
    return params


def _install_strict(cls, made, names, hint):
    for name in names:
        if name in made and _install(cls, name, made[name]):
            raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}{hint}')


def _with_slots(cls, field_names, opts):
    # __slots__ only takes effect when a class is created, so the class is
    # built again with them; the fields' class attributes must go (a slot
    # and a class attribute of one name conflict).
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    body = dict(cls.__dict__)
    for name in field_names + ['__dict__', '__weakref__']:
        body.pop(name, None)
    slots = list(field_names)
    if opts.weakref_slot and not any('__weakref__' in getattr(b, '__slots__', ()) for b in cls.__mro__[1:]):
        slots.append('__weakref__')
    body['__slots__'] = tuple(slots)
    qualname = getattr(cls, '__qualname__', None)
    rebuilt = type(cls)(cls.__name__, cls.__bases__, body)
    if qualname is not None:
        rebuilt.__qualname__ = qualname
    if opts.frozen:
        # Frozen instances cannot be restored by setattr, so pickling and
        # copying go through these two.
        if '__getstate__' not in body:
            rebuilt.__getstate__ = _slots_getstate
        if '__setstate__' not in body:
            rebuilt.__setstate__ = _slots_setstate
    return rebuilt


def _slots_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _slots_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _process(cls, opts):
    if opts.order and not opts.eq:
        raise ValueError('eq must be true if order is true')
    all_fields = _inherited_fields(cls, opts.frozen)
    own = _own_fields(cls, opts.kw_only)
    for f in own:
        all_fields[f.name] = f
    _replace_class_attributes(cls, own)
    setattr(cls, _PARAMS, _DataclassParams(opts.init, opts.repr, opts.eq, opts.order,
                                           opts.unsafe_hash, opts.frozen))
    setattr(cls, _FIELDS, all_fields)
    params = _add_methods(cls, all_fields, opts)
    # Read the class's own __doc__: a base's must not count as one.
    if not cls.__dict__.get('__doc__'):
        cls.__doc__ = _default_doc(cls, params)
    if opts.match_args and '__match_args__' not in cls.__dict__:
        # Positional patterns follow the positional __init__ parameters.
        cls.__match_args__ = tuple(f.name for f in all_fields.values()
                                   if f._field_type is not _FIELD_CLASSVAR and f.init and not f.kw_only)
    if opts.weakref_slot and not opts.slots:
        raise TypeError('weakref_slot is True but slots is False')
    if opts.slots:
        real_names = [f.name for f in all_fields.values() if f._field_type is _FIELD]
        cls = _with_slots(cls, real_names, opts)
    import abc
    abc.update_abstractmethods(cls)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False,
              weakref_slot=False):
    """Turn a class with annotated fields into a dataclass: add __init__,
    __repr__, __eq__ and, as asked, ordering, __hash__, frozen assignment,
    __match_args__ and __slots__. Usable as @dataclass or @dataclass(...)."""
    opts = _Options(init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                    frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                    weakref_slot=weakref_slot)
    if cls is None:
        return lambda cls: _process(cls, opts)
    return _process(cls, opts)


# --- working with dataclasses and their instances -------------------------------

def fields(class_or_instance):
    """The Field objects of a dataclass or instance, in definition order
    (ClassVar and InitVar pseudo-fields excluded)."""
    try:
        declared = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in declared.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    """True when obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _is_instance(obj):
    return hasattr(type(obj), _FIELDS)


def _convert(obj, record):
    # Copy obj deeply, turning every dataclass instance found inside lists,
    # tuples (named ones keep their type) and dicts into record(pairs).
    if _is_instance(obj):
        return record([(f.name, _convert(getattr(obj, f.name), record)) for f in fields(obj)])
    kind = type(obj)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return kind(*[_convert(item, record) for item in obj])
    if isinstance(obj, (list, tuple)):
        return kind(_convert(item, record) for item in obj)
    if isinstance(obj, dict):
        return kind((_convert(k, record), _convert(v, record)) for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict of its fields, recursing into nested
    dataclasses, lists, tuples and dicts; other values are deep-copied."""
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its field values, recursing like
    asdict()."""
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _convert(obj, lambda pairs: tuple_factory([value for _, value in pairs]))


def replace(obj, /, **changes):
    """A new instance of obj's class with the given fields changed; the
    other __init__ fields are copied from obj (so __post_init__ runs again)."""
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    arguments = dict(changes)
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        given = f.name in arguments
        if given and not f.init:
            raise ValueError(f'field {f.name} is declared with init=False, '
                             'it cannot be specified with replace()')
        if f.init and not given:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f'InitVar {f.name!r} must be specified with replace()')
            arguments[f.name] = getattr(obj, f.name)
    return obj.__class__(**arguments)


def _field_spec(item):
    # One entry of make_dataclass's list: name, (name, type) or
    # (name, type, Field-or-default). Returns name, type, default.
    if isinstance(item, str):
        return item, 'typing.Any', MISSING
    if len(item) == 2:
        return item[0], item[1], MISSING
    if len(item) == 3:
        return item
    raise TypeError(f'Invalid field: {item!r}')


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
                   match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Create a dataclass named cls_name from a list of field descriptions
    (see _field_spec), with the given bases and namespace."""
    annotations = {}
    defaults = {}
    for item in fields:
        name, annotation, default = _field_spec(item)
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in annotations:
            raise TypeError(f'Field name duplicated: {name!r}')
        annotations[name] = annotation
        if default is not MISSING:
            defaults[name] = default

    def fill(body):
        body.update(namespace or {})
        body.update(defaults)
        body['__annotations__'] = annotations

    import types
    cls = types.new_class(cls_name, bases, {}, fill)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
