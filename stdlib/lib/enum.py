"""Enumerations: classes whose attributes are a fixed set of named members.

A class statement whose base is Enum (or IntEnum, StrEnum, Flag, IntFlag) is
built by the metaclass EnumType. The class body runs in an _EnumDict, which
records which names are members (plain values, in order) and which are
methods or descriptors; EnumType.__new__ then creates one instance of the
class per member, finds aliases (a second name for an existing value), and
keeps three tables on the class:

    _member_names_      canonical member names, in definition order (what
                        iteration and len() see; for Flag only single bits)
    _member_map_        every name, aliases included (what __members__ shows)
    _value2member_map_  value -> member, for Color(1) lookups

Calling the class with one argument looks a member up by value (and asks
_missing_ when there is none); calling Enum with a name and members creates
a new enumeration (the functional API). Flag classes also build members for
combinations of bits on demand ("pseudo-members") and cache them.

Behaviour follows CPython 3.11's enum module as documented; reprs, strs and
error messages are worded as CPython prints them.
"""

import builtins
import sys
from types import MappingProxyType

__all__ = [
    "EnumType", "EnumMeta", "Enum", "ReprEnum", "IntEnum", "StrEnum", "Flag", "IntFlag",
    "auto", "unique", "property", "member", "nonmember", "verify", "EnumCheck",
    "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP", "CONTINUOUS", "NAMED_FLAGS",
    "UNIQUE", "global_enum", "show_flag_values", "pickle_by_enum_name",
    "pickle_by_global_name",
]

# Names bound once the classes exist; the metaclass tests them for None
# while it builds Enum, ReprEnum and Flag themselves.
Enum = ReprEnum = Flag = None
STRICT = CONFORM = EJECT = KEEP = None

class _AutoNull:
    """The value of an auto() whose value is not chosen yet."""

    def __repr__(self):
        return "_auto_null"


_sentinel = _AutoNull()


def _is_dunder(name):
    return len(name) > 4 and name[:2] == "__" and name[-2:] == "__" and \
        name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == "_" and name[-1] == "_" and \
        name[1] != "_" and name[-2] != "_"


def _is_private(class_name, name):
    # A name the compiler mangled: _ClassName__attr (not ending in __).
    prefix = "_" + class_name.lstrip("_") + "__"
    return name.startswith(prefix) and len(name) > len(prefix) and not name.endswith("__")


def _is_descriptor(obj):
    kind = type(obj)
    return hasattr(kind, "__get__") or hasattr(kind, "__set__") or hasattr(kind, "__delete__")


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


def _bits_of(value):
    """The single-bit values set in a non-negative int, lowest first."""
    bit = 1
    while bit <= value:
        if value & bit:
            yield bit
        bit <<= 1


def show_flag_values(value):
    return list(_bits_of(value))


def _bin(num, width):
    """num in binary as the boundary errors show it: '0b0 0111'."""
    if num >= 0:
        return "0b0 " + format(num, "b").zfill(width)
    width = max(width, (~num).bit_length() + 1)
    return "0b1 " + format(num & ((1 << width) - 1), "b").zfill(width)


class auto:
    """A member value chosen by _generate_next_value_ when the class is built."""

    def __init__(self, value=_sentinel):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    """Forces a value to become a member (a function, for instance)."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value out of the members: it stays a plain class attribute."""

    def __init__(self, value):
        self.value = value


class property:
    """A property of the members (name, value, ...) that yields to a member of
    the same name when read on the class: Color.name may be a member while
    Color.RED.name is 'RED'."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc if doc is not None else getattr(fget, "__doc__", None)
        self.name = getattr(fget, "__name__", None)
        self.clsname = None

    def __set_name__(self, owner, name):
        self.name = name
        self.clsname = owner.__name__

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __get__(self, instance, owner=None):
        if instance is None:
            found = owner.__dict__.get("_member_map_", {}).get(self.name) if owner else None
            if found is not None:
                return found
            raise AttributeError("%r has no attribute %r" % (owner, self.name))
        if self.fget is None:
            raise AttributeError("%r member has no attribute %r" % (type(instance), self.name))
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r" % (self.clsname, self.name))
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r" % (self.clsname, self.name))
        self.fdel(instance)


_ALLOWED_SUNDERS = frozenset([
    "_order_", "_generate_next_value_", "_numeric_repr_", "_missing_", "_ignore_",
    "_iter_member_", "_iter_member_by_value_", "_iter_member_by_def_",
])


class _EnumDict(dict):
    """The namespace a class body of an enumeration runs in: it tells member
    definitions (plain values, auto()) from everything else as they come."""

    def __init__(self, class_name=""):
        super().__init__()
        self._class_name = class_name
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._generate_next_value = None

    def _resolve_auto(self, key, value):
        if isinstance(value, auto):
            if value.value is _sentinel:
                value.value = self._generate_next_value(
                    key, 1, len(self._member_names), self._last_values[:])
                self._auto_called = True
            return value.value
        if isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
            return tuple(self._resolve_auto(key, v) for v in value)
        return value

    def __setitem__(self, key, value):
        if _is_private(self._class_name, key):
            pass
        elif _is_sunder(key):
            if key not in _ALLOWED_SUNDERS:
                raise ValueError("_sunder_ names, such as %r, are reserved for future Enum use"
                                 % (key,))
            if key == "_generate_next_value_":
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                self._generate_next_value = getattr(value, "__func__", value)
            elif key == "_ignore_":
                names = value.replace(",", " ").split() if isinstance(value, str) else list(value)
                clash = set(names) & set(self._member_names)
                if clash:
                    raise ValueError("_ignore_ cannot specify already set names: %r"
                                     % (tuple(clash),))
                self._ignore = names
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError("%r already defined as %r" % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            pass
        else:
            if key in self:
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value = self._resolve_auto(key, value)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """The metaclass of enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        namespace = _EnumDict(cls)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            namespace["_generate_next_value_"] = getattr(first_enum, "_generate_next_value_", None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if Enum is None:
            # Enum itself: its __new__ is the lookup by value, not a member maker.
            new_member, save_new, use_args = object.__new__, False, False
        else:
            new_member, save_new, use_args = metacls._find_new_(classdict, member_type,
                                                                first_enum)
        names = list(getattr(classdict, "_member_names", ()))
        ignored = getattr(classdict, "_ignore", [])
        body = {}
        members = {}
        for key, value in dict.items(classdict):
            if key in ignored or key == "_ignore_":
                continue
            if key in names:
                members[key] = value
            else:
                body[key] = value
        invalid = sorted(set(names) & {"mro", ""})
        if invalid:
            raise ValueError("invalid enum member name(s) %s" % ", ".join(repr(n) for n in invalid))
        order = body.pop("_order_", None)
        if save_new:
            body.pop("__new__")
            body["__new_member__"] = new_member
        body.setdefault("__doc__", None)
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        setup = {
            "_new_member_": new_member, "_use_args_": use_args, "_member_names_": [],
            "_member_map_": {}, "_value2member_map_": {}, "_member_type_": member_type,
            "_boundary_": boundary if boundary is not None else getattr(first_enum, "_boundary_", None),
        }
        if Flag is not None and issubclass(enum_class, Flag):
            setup.update(_flag_mask_=0, _singles_mask_=0, _all_bits_=0, _inverted_=None)
        for key, value in setup.items():
            type.__setattr__(enum_class, key, value)
        for name in names:
            metacls._add_member_(enum_class, name, members[name])
        if Flag is not None and issubclass(enum_class, Flag):
            metacls._finish_flag_(enum_class, classdict)
        metacls._fix_methods_(enum_class, classdict, member_type, first_enum)
        if order is not None:
            if isinstance(order, str):
                order = order.replace(",", " ").split()
            canonical = [n for n in enum_class._member_names_]
            if order != canonical and order != list(enum_class._member_map_):
                raise TypeError("member order does not match _order_:\n  %r\n  %r"
                                % (canonical, order))
        return enum_class

    def __init__(cls, *args, **kwds):
        super().__init__(*args)

    # --- building ---

    @staticmethod
    def _check_for_existing_members_(class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        """(the data type members are made from, the enum class to follow)."""
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        return metacls._find_data_type_(class_name, bases) or object, first_enum

    @staticmethod
    def _find_data_type_(class_name, bases):
        found = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        found.append(base._member_type_)
                        break
                elif "__new__" in base.__dict__ or "__dataclass_fields__" in base.__dict__:
                    found.append(candidate or base)
                    break
                else:
                    candidate = candidate or base
        unique_types = []
        for t in found:
            if t not in unique_types:
                unique_types.append(t)
        if len(unique_types) > 1:
            raise TypeError("too many data types for %r: %r" % (class_name, unique_types))
        return unique_types[0] if unique_types else None

    @staticmethod
    def _find_new_(classdict, member_type, first_enum):
        """(the function that creates members, whether the class defined it,
        whether it takes the member's value as arguments)."""
        new = classdict.get("__new__")
        if new is not None:
            return getattr(new, "__func__", new), True, True
        plain = (None, None.__new__, object.__new__, getattr(Enum, "__new__", None))
        for method in ("__new_member__", "__new__"):
            for possible in (member_type, first_enum):
                target = getattr(possible, method, None)
                if not any(target is p for p in plain):
                    return target, False, True
        return object.__new__, False, False

    @staticmethod
    def _add_member_(enum_class, name, value):
        args = value if isinstance(value, tuple) else (value,)
        if enum_class._member_type_ is tuple:
            args = (args,)
        new = enum_class._new_member_
        if not enum_class._use_args_:
            obj = new(enum_class)
            if not hasattr(obj, "_value_"):
                obj._value_ = value
        else:
            obj = new(enum_class, *args)
            if not hasattr(obj, "_value_"):
                if enum_class._member_type_ is object:
                    obj._value_ = value
                else:
                    obj._value_ = enum_class._member_type_(*args)
        value = obj._value_
        obj._name_ = name
        obj.__objclass__ = enum_class
        obj.__init__(*args)
        obj._sort_order_ = len(enum_class._member_map_)
        canonical = _find_by_value(enum_class, value)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if canonical is not None:
            obj = canonical
        elif not is_flag or (isinstance(value, int) and _is_single_bit(value)):
            enum_class._member_names_.append(name)
        if is_flag and isinstance(value, int):
            enum_class._flag_mask_ |= value
            if _is_single_bit(value):
                enum_class._singles_mask_ |= value
        enum_class._member_map_[name] = obj
        try:
            enum_class._value2member_map_.setdefault(value, obj)
        except TypeError:
            pass
        shadowed = any(isinstance(base.__dict__.get(name), property)
                       for base in enum_class.__mro__[1:])
        if not shadowed:
            type.__setattr__(enum_class, name, obj)

    @staticmethod
    def _finish_flag_(enum_class, classdict):
        mask = enum_class._flag_mask_
        singles = enum_class._singles_mask_
        enum_class._all_bits_ = (1 << mask.bit_length()) - 1
        if enum_class._boundary_ is not KEEP:
            missed = list(_bits_of(mask & ~singles))
            if missed:
                raise TypeError("invalid Flag %r -- missing values: %s"
                                % (enum_class, ", ".join(str(b) for b in missed)))
        for op in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__",
                   "__invert__"):
            if op not in classdict:
                type.__setattr__(enum_class, op, getattr(Flag, op))

    @staticmethod
    def _fix_methods_(enum_class, classdict, member_type, first_enum):
        # A data type's repr/str/format must not win over the enum's through
        # the MRO (int comes before Enum in IntEnum's), unless the class says so.
        if first_enum is None:
            return
        for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
            if name in classdict:
                continue
            found = getattr(enum_class, name)
            if found == getattr(member_type, name) or found == getattr(object, name):
                type.__setattr__(enum_class, name, getattr(first_enum, name))
        if ReprEnum is not None and ReprEnum in enum_class.__mro__ and member_type is not object:
            if "__format__" not in classdict:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
            if "__str__" not in classdict:
                method = member_type.__str__
                if method == object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, "__str__", method)

    # --- the class as a container of its members ---

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return _lookup(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        first_enum = bases[-1]
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs, last_values = [], []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
            names = pairs
        for item in names:
            if isinstance(item, str):
                classdict[item] = names[item]
            else:
                classdict[item[0]] = item[1]
        if module is None:
            try:
                module = sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def _convert_(cls, name, module, filter, source=None, *, boundary=None, as_global=False):
        """Turns a module's integer constants (the names `filter` accepts)
        into members of a new enumeration `name`, and puts the members back
        into the module in their place (how signal and socket name theirs)."""
        namespace = sys.modules[module].__dict__
        found = [(key, value) for key, value in (vars(source) if source else namespace).items()
                 if filter(key)]
        # By value, then name: of two names for one value the first in
        # alphabetical order is the canonical member.
        found.sort(key=lambda pair: (pair[1], pair[0]))
        enum_class = cls(name, found, module=module, boundary=boundary)
        if as_global:
            global_enum(enum_class)
        else:
            namespace.update(enum_class.__members__)
        namespace[name] = enum_class
        return enum_class

    def __contains__(cls, obj):
        if not isinstance(obj, Enum):
            import warnings
            warnings.warn(
                "in 3.12 __contains__ will no longer raise TypeError, but will return True or\n"
                "False depending on whether the value is a member or the value of a member",
                DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(obj).__qualname__, cls.__class__.__qualname__))
        return isinstance(obj, cls) and obj._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __dir__(cls):
        names = {"__class__", "__contains__", "__doc__", "__getitem__", "__init_subclass__",
                 "__iter__", "__len__", "__members__", "__module__", "__name__", "__qualname__"}
        names.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add("__new__")
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @builtins.property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)


EnumMeta = EnumType


def _find_by_value(cls, value):
    try:
        return cls._value2member_map_.get(value)
    except TypeError:
        for candidate in cls._member_map_.values():
            if candidate._value_ == value:
                return candidate
        return None


def _lookup(cls, value):
    """Color(value): the member with that value, or what _missing_ makes of it."""
    if type(value) is cls:
        return value
    found = _find_by_value(cls, value)
    if found is not None:
        return found
    try:
        result = cls._missing_(value)
        failure = None
    except Exception as exc:
        result = None
        failure = exc
    if isinstance(result, cls):
        return result
    if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT \
            and isinstance(result, int):
        return result
    not_valid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
    if result is None and failure is None:
        raise not_valid
    if failure is None:
        failure = TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                            % (cls.__name__, result))
    if not isinstance(failure, ValueError):
        failure.__context__ = not_valid
    raise failure


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        return _lookup(cls, value)

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __dir__(self):
        if self._member_type_ is object:
            names = {"__class__", "__doc__", "__eq__", "__hash__", "__module__"}
        else:
            names = set(object.__dir__(self))
        for name in getattr(self, "__dict__", ()):
            if name[0] != "_":
                names.add(name)
        for cls in self.__class__.__mro__:
            for name, obj in cls.__dict__.items():
                if name[0] == "_" or name in self._member_map_:
                    continue
                names.add(name)
        return sorted(names)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes repr(): str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError("encoding must be a string, not %r" % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError("errors must be a string, not %r" % (values[2],))
        text = str(*values)
        obj = str.__new__(cls, text)
        obj._value_ = text
        return obj

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What Flag(value) does with bits no member names."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Members are bit flags that combine with | & ^ and ~."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        if not isinstance(last, int):
            raise TypeError("invalid flag value %r" % (last,)) from None
        return 1 << last.bit_length()

    @classmethod
    def _numeric_repr_(cls, value):
        return repr(value)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        mask = cls._flag_mask_
        all_bits = cls._all_bits_
        original = value
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(value.bit_length(), mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, _bin(value, width), _bin(mask, width)))
            if boundary is CONFORM:
                value &= mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value += max(all_bits + 1, 1 << value.bit_length())
            else:
                raise ValueError("%r unknown flag boundary %r" % (cls, boundary))
        if value < 0:
            value += all_bits + 1
        return cls._pseudo_member(value, original)

    @classmethod
    def _pseudo_member(cls, value, original):
        """The member for a combination of bits, made once and cached."""
        found = cls._value2member_map_.get(value)
        if found is None:
            if cls._member_type_ is object:
                found = object.__new__(cls)
            else:
                found = cls._member_type_.__new__(cls, value)
            found._value_ = value
            parts = [name for name in cls._member_names_
                     if cls._member_map_[name]._value_ & value]
            known = 0
            for name in parts:
                known |= cls._member_map_[name]._value_
            if not parts:
                found._name_ = None
            else:
                found._name_ = "|".join(parts)
                if value & ~known:
                    found._name_ += "|" + cls._numeric_repr_(value & ~known)
            found = cls._value2member_map_.setdefault(value, found)
        if original != value:
            cls._value2member_map_.setdefault(original, found)
        return found

    def __repr__(self):
        name = self.__class__.__name__
        value = int.__repr__(self._value_) if isinstance(self._value_, int) else repr(self._value_)
        if self._name_ is None:
            return "<%s: %s>" % (name, value)
        return "<%s.%s: %s>" % (name, self._name_, value)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        cls = self.__class__
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & self._value_ == m._value_ and m._value_:
                yield m

    def __len__(self):
        return self._value_.bit_count()

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        value = self._other_value(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._other_value(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._other_value(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = self.__class__
        if cls._boundary_ in (EJECT, KEEP):
            return cls(~self._value_)
        return cls(cls._flag_mask_ ^ self._value_)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""


def unique(enumeration):
    """Class decorator: refuses aliases (two names for one value)."""
    duplicates = [(name, m.name) for name, m in enumeration.__members__.items()
                  if name != m.name]
    if duplicates:
        listed = ", ".join("%s -> %s" % pair for pair in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, listed))
    return enumeration


class EnumCheck(StrEnum):
    """The checks verify() can make."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator: checks the enumeration against EnumCheck constraints."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        name = enumeration.__name__
        kind = "flag" if issubclass(enumeration, Flag) else "enum"
        for check in self.checks:
            if check is UNIQUE:
                aliases = ["%s -> %s" % (alias, m.name)
                           for alias, m in enumeration.__members__.items() if alias != m.name]
                if aliases:
                    raise ValueError("aliases found in %r: %s" % (enumeration, ", ".join(aliases)))
            elif check is CONTINUOUS:
                values = sorted({m.value for m in enumeration})
                if len(values) < 2:
                    continue
                low, high = values[0], values[-1]
                if kind == "flag":
                    wanted = set(_bits_of((1 << high.bit_length()) - 1)) - set(range(0, low))
                    missing = sorted(v for v in wanted if v >= low and v not in values)
                else:
                    missing = [v for v in range(low, high + 1) if v not in values]
                if missing:
                    raise ValueError("invalid %s %r: missing values %s"
                                     % (kind, name, ", ".join(str(v) for v in missing)))
            elif check is NAMED_FLAGS:
                singles = 0
                for m in enumeration:
                    singles |= m._value_
                bad, missing = [], 0
                for alias, m in enumeration.__members__.items():
                    if alias in enumeration._member_names_ or m._value_ <= 0:
                        continue
                    unnamed = m._value_ & ~singles
                    if unnamed:
                        bad.append(alias)
                        missing |= unnamed
                if bad:
                    alias_text = ("alias %s is missing" if len(bad) == 1
                                  else "aliases %s are missing")
                    values = list(_bits_of(missing))
                    value_text = ("value %s" % values[0] if len(values) == 1
                                  else "combined values of %s" % ", ".join(map(str, values)))
                    raise ValueError("invalid Flag %r: %s %s"
                                     % (name, alias_text % ", ".join(bad), value_text))
        return enumeration


def global_enum(cls):
    """Class decorator: puts the members into the module's namespace."""
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)
