"""Container datatypes beyond the builtins: namedtuple, deque, defaultdict,
Counter, OrderedDict, ChainMap, and the UserDict, UserList and UserString
wrappers meant for subclassing. collections.abc is _collections_abc.

deque, defaultdict and the field descriptor of namedtuple classes are native
(_collections); everything else is written here.
"""

import sys as _sys
import _collections_abc
from _collections import deque, defaultdict, _tuplegetter
from _thread import get_ident as _thread_id
from keyword import iskeyword as _iskeyword
import operator as _operator
from operator import itemgetter as _itemgetter
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList",
           "UserString", "defaultdict", "deque", "namedtuple"]

abc = _collections_abc
_sys.modules["collections.abc"] = _collections_abc
_collections_abc.MutableSequence.register(deque)

_Mapping = _collections_abc.Mapping
_by_count = _itemgetter(1)


def _no_recursion(render):
    """Make a __repr__ print '...' for a container that (indirectly) holds
    itself, instead of recursing forever. Keyed by thread too: two threads
    may print the same object at once."""
    active = set()

    def guarded(self):
        key = (id(self), _thread_id())
        if key in active:
            return "..."
        active.add(key)
        try:
            return render(self)
        finally:
            active.discard(key)

    guarded.__name__ = render.__name__
    guarded.__qualname__ = render.__qualname__
    guarded.__doc__ = render.__doc__
    return guarded


# --- Counter ------------------------------------------------------------------
#
# A dict from element to count. Missing elements count zero (without being
# stored). The arithmetic operators produce plain Counters holding positive
# counts only; the in-place ones drop non-positive counts from self. The
# order of keys in a result (self's keys, then the other's new ones) is
# visible in repr and most_common, so the loops keep it.

def _tally(counts, iterable):
    # The hot loop of Counter(iterable): count one per element.
    get = counts.get
    for item in iterable:
        counts[item] = get(item, 0) + 1


def _is_mapping(obj):
    return isinstance(obj, (dict, _Mapping))


def _counts_agree(mine, theirs, agree):
    # Comparisons treat a missing element as a count of zero, so they look
    # at the keys of both sides.
    for side in (mine, theirs):
        for item in side:
            if not agree(mine[item], theirs[item]):
                return False
    return True


def _combine(mine, theirs, pick, theirs_only):
    """A new Counter holding pick(my count, their count) for my keys, then
    theirs_only(their count) for the keys only they have; only positive
    results are kept."""
    result = Counter()
    for item, n in mine.items():
        value = pick(n, theirs[item])
        if value > 0:
            result[item] = value
    if theirs_only is not None:
        for item, n in theirs.items():
            if item not in mine:
                value = theirs_only(n)
                if value > 0:
                    result[item] = value
    return result


class Counter(dict):
    """Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values.
    """

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        "The count of elements not in the Counter is zero."
        return 0

    def total(self):
        "Sum of the counts"
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.
        Ties keep the order in which the elements were first met."""
        if n is None:
            return sorted(self.items(), key=_by_count, reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_by_count)

    def elements(self):
        """Iterator over elements repeating each as many times as its count.
        Elements with a count below one are left out."""
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them.
        The source can be an iterable of elements or a mapping of counts."""
        if iterable is not None:
            if not _is_mapping(iterable):
                _tally(self, iterable)
            elif self:
                for item, n in iterable.items():
                    self[item] = n + self.get(item, 0)
            else:
                dict.update(self, iterable)  # fast path for an empty Counter
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them.
        Counts may go to zero or below."""
        if iterable is not None:
            if _is_mapping(iterable):
                pairs = iterable.items()
            else:
                pairs = zip(iterable, _repeat(1))
            for item, n in pairs:
                self[item] = self.get(item, 0) - n
        if kwds:
            self.subtract(kwds)

    def copy(self):
        "Return a shallow copy."
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    @classmethod
    def fromkeys(cls, iterable, v=None):
        # A count for keys given without counts has no sensible meaning.
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def __delitem__(self, elem):
        "Like dict.__delitem__() but does not raise KeyError for missing values."
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return name + "()"
        try:
            ordered = dict(self.most_common())
        except TypeError:  # counts that cannot be compared
            ordered = dict(self)
        return "%s(%r)" % (name, ordered)

    def __eq__(self, other):
        "True if all counts agree. Missing counts are treated as zero."
        if not isinstance(other, Counter):
            return NotImplemented
        return _counts_agree(self, other, lambda a, b: a == b)

    def __ne__(self, other):
        "True if any counts disagree. Missing counts are treated as zero."
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        "True if all counts in self are a subset of those in other."
        if not isinstance(other, Counter):
            return NotImplemented
        return _counts_agree(self, other, lambda a, b: a <= b)

    def __ge__(self, other):
        "True if all counts in self are a superset of those in other."
        if not isinstance(other, Counter):
            return NotImplemented
        return _counts_agree(self, other, lambda a, b: a >= b)

    def __lt__(self, other):
        "True if all counts in self are a proper subset of those in other."
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __gt__(self, other):
        "True if all counts in self are a proper superset of those in other."
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        "Add counts from two counters."
        if not isinstance(other, Counter):
            return NotImplemented
        return _combine(self, other, lambda a, b: a + b, lambda b: b)

    def __sub__(self, other):
        "Subtract count, but keep only results with positive counts."
        if not isinstance(other, Counter):
            return NotImplemented
        return _combine(self, other, lambda a, b: a - b, lambda b: 0 - b)

    def __or__(self, other):
        "Union is the maximum of value in either of the input counters."
        if not isinstance(other, Counter):
            return NotImplemented
        return _combine(self, other, lambda a, b: b if a < b else a, lambda b: b)

    def __and__(self, other):
        "Intersection is the minimum of corresponding counts."
        if not isinstance(other, Counter):
            return NotImplemented
        return _combine(self, other, lambda a, b: a if a < b else b, None)

    def __pos__(self):
        "Adds an empty counter, effectively stripping negative and zero counts"
        return Counter({item: n for item, n in self.items() if n > 0})

    def __neg__(self):
        """Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts."""
        return Counter({item: 0 - n for item, n in self.items() if n < 0})

    def _keep_positive(self):
        "Internal method to strip elements with a negative or zero count"
        for item in [item for item, n in self.items() if not n > 0]:
            del self[item]
        return self

    def __iadd__(self, other):
        "Inplace add from another counter, keeping only positive counts."
        for item, n in other.items():
            self[item] += n
        return self._keep_positive()

    def __isub__(self, other):
        "Inplace subtract counter, but keep only results with positive counts."
        for item, n in other.items():
            self[item] -= n
        return self._keep_positive()

    def __ior__(self, other):
        "Inplace union is the maximum of value from either counter."
        for item, n in other.items():
            if n > self[item]:
                self[item] = n
        return self._keep_positive()

    def __iand__(self, other):
        "Inplace intersection is the minimum of corresponding counts."
        for item, n in self.items():
            theirs = other[item]
            if theirs < n:
                self[item] = theirs
        return self._keep_positive()


# --- OrderedDict --------------------------------------------------------------
#
# dict keeps insertion order already, so OrderedDict only adds reordering
# (move_to_end, popitem from either end) and equality that minds the order
# when both sides are OrderedDicts.

class OrderedDict(dict):
    "Dictionary that remembers insertion order"

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false.
        """
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self) if last else iter(self))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist.
        """
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        # A dict can only append, so the front is made by re-inserting the rest.
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    @_no_recursion
    def __repr__(self):
        "Return repr(self)."
        name = self.__class__.__name__
        if not self:
            return name + "()"
        return "%s(%r)" % (name, list(self.items()))

    def __eq__(self, other):
        if not isinstance(other, OrderedDict):
            return dict.__eq__(self, other)
        if not dict.__eq__(self, other):
            return False
        return all(a == b for a, b in zip(self, other))

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    __hash__ = None

    def __reduce__(self):
        "Return state information for pickling"
        state = getattr(self, "__dict__", None) or None
        return self.__class__, (), state, None, iter(self.items())

    def copy(self):
        "od.copy() -> a shallow copy of od"
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        "Create a new ordered dictionary with keys from iterable and values set to value."
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = self.__class__(self)
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = self.__class__(other)
        merged.update(self)
        return merged


# --- namedtuple ---------------------------------------------------------------

def _field_list(field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [str(name) for name in field_names]
    if rename:
        # Bad names become _<position>; a later duplicate of an original
        # name counts as bad too.
        met = set()
        for pos, name in enumerate(names):
            if (name in met or name.startswith("_") or _iskeyword(name)
                    or not name.isidentifier()):
                names[pos] = "_%d" % pos
            met.add(name)
    return names


def _check_names(typename, names, rename):
    for name in [typename] + names:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid "
                             f"identifiers: {name!r}")
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a "
                             f"keyword: {name!r}")
    met = set()
    for name in names:
        if not rename and name.startswith("_"):
            raise ValueError("Field names cannot start with an underscore: "
                             f"{name!r}")
        if name in met:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        met.add(name)


def _tuple_constructor(typename, fields, signature):
    # __new__ is compiled from source so that it takes the fields as real
    # named parameters: calls check arity and keywords natively and fast.
    params = ", ".join(("_cls",) + fields)
    source = (f"def __new__({params}):\n"
              f"    return _tuple_new(_cls, ({signature}))\n")
    scope = {"_tuple_new": tuple.__new__, "__name__": "namedtuple_" + typename}
    exec(source, scope)
    new = scope["__new__"]
    new.__doc__ = f"Create new instance of {typename}({signature})"
    return new


def _tuple_methods(typename, fields):
    size = len(fields)
    item_format = ", ".join([name + "=%r" for name in fields])

    @classmethod
    def _make(cls, iterable):
        made = tuple.__new__(cls, iterable)
        if len(made) != size:
            raise TypeError(f"Expected {size} arguments, got {len(made)}")
        return made

    def _replace(self, /, **kwds):
        values = [kwds.pop(name, old) for name, old in zip(fields, self)]
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return self._make(values)

    def __repr__(self):
        "Return a nicely formatted representation string"
        return "%s(%s)" % (self.__class__.__name__, item_format % tuple(self))

    def _asdict(self):
        "Return a new dict which maps field names to their values."
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        "Return self as a plain tuple.  Used by copy and pickle."
        return tuple(self)

    _make.__func__.__doc__ = f"Make a new {typename} object from a sequence or iterable"
    _replace.__doc__ = (f"Return a new {typename} object replacing specified "
                        "fields with new values")
    return {"_make": _make, "_replace": _replace, "__repr__": __repr__,
            "_asdict": _asdict, "__getnewargs__": __getnewargs__}


def _caller_module(depth):
    try:
        return _sys._getframe(depth + 1).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return None


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    typename = _sys.intern(str(typename))
    names = _field_list(field_names, rename)
    _check_names(typename, names, rename)
    fields = tuple([_sys.intern(name) for name in names])
    signature = ", ".join(fields) + ("," if len(fields) == 1 else "")

    new = _tuple_constructor(typename, fields, signature)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        new.__defaults__ = defaults
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    body = _tuple_methods(typename, fields)
    body["__new__"] = new
    for attr, method in body.items():
        function = getattr(method, "__func__", method)
        function.__qualname__ = f"{typename}.{attr}"
    body.update({"__doc__": f"{typename}({signature})", "__slots__": (),
                 "_fields": fields, "_field_defaults": field_defaults,
                 "__match_args__": fields})
    for pos, name in enumerate(fields):
        body[name] = _tuplegetter(pos, _sys.intern(f"Alias for field number {pos}"))
    if module is None:
        module = _caller_module(1)
    if module is not None:
        body["__module__"] = module
    return type(typename, (tuple,), body)


# --- ChainMap -----------------------------------------------------------------
#
# Lookups search the maps in order; writes, deletions and pops touch only
# the first map, maps[0].

class ChainMap(_collections_abc.MutableMapping):
    """A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.
    """

    def __init__(self, *maps):
        """Initialize a ChainMap by setting *maps* to the given mappings.
        If no mappings are provided, a single empty dictionary is used.
        """
        self.maps = list(maps) or [{}]

    # Reading: every map, first match wins.

    def __getitem__(self, key):
        for layer in self.maps:
            try:
                return layer[key]
            except KeyError:  # also lets a defaultdict layer supply a value
                continue
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __contains__(self, key):
        for layer in self.maps:
            if key in layer:
                return True
        return False

    def __iter__(self):
        # Keys in the order of the last map first, so that the order matches
        # a dict built by updating with the maps from last to first.
        seen = {}
        for layer in self.maps[::-1]:
            for key in layer:
                seen[key] = None
        return iter(seen)

    def __len__(self):
        return len(set().union(*self.maps))

    def __bool__(self):
        return any(self.maps)

    @_no_recursion
    def __repr__(self):
        shown = ", ".join([repr(layer) for layer in self.maps])
        return "%s(%s)" % (self.__class__.__name__, shown)

    # Writing: maps[0] only.

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def pop(self, key, *args):
        "Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0]."
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        "Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty."
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def clear(self):
        "Clear maps[0], leaving maps[1:] intact."
        self.maps[0].clear()

    # New chains.

    def copy(self):
        "New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"
        first, *rest = self.maps
        return self.__class__(first.copy(), *rest)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, *args):
        "Create a ChainMap with a single dict created from the iterable."
        return cls(dict.fromkeys(iterable, *args))

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        """
        if m is None:
            return self.__class__(kwargs, *self.maps)
        if kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        "New ChainMap from maps[1:]."
        return self.__class__(*self.maps[1:])

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        merged = self.copy()
        merged.maps[0].update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        flat = dict(other)
        for layer in self.maps[::-1]:
            flat.update(layer)
        return self.__class__(flat)


# --- UserList, UserDict, UserString --------------------------------------------
#
# Wrappers around a real list, dict or str kept in .data, for subclassing
# when overriding methods of the builtin itself would not be seen by its
# other methods. Results of the same kind are rebuilt with self.__class__.
# Methods that only pass their call on to .data are made from tables at
# the end of this section.

def _unwrap(obj, kind):
    return obj.data if isinstance(obj, kind) else obj


def _as_list(other):
    if isinstance(other, UserList):
        return other.data
    return other if isinstance(other, list) else list(other)


def _as_str(other):
    if isinstance(other, UserString):
        return other.data
    return other if isinstance(other, str) else str(other)


def _copy_wrapper(self, copy_data):
    # A new instance of the same class with the same attributes; only .data
    # is copied, with copy_data.
    clone = self.__class__.__new__(self.__class__)
    clone.__dict__.update(self.__dict__)
    clone.__dict__["data"] = copy_data(self.__dict__["data"])
    return clone


def _data_method(qualname, rewrap=False, unwrap=None):
    """A method that calls the same-named method on self.data.
    rewrap: the result is wrapped in self.__class__ again.
    unwrap: arguments of this wrapper class are passed as their .data."""
    name = qualname.rpartition(".")[2]

    def method(self, *args, **kwds):
        if unwrap is not None:
            args = [_unwrap(arg, unwrap) for arg in args]
        result = getattr(self.data, name)(*args, **kwds)
        return self.__class__(result) if rewrap else result

    method.__name__ = name
    method.__qualname__ = qualname
    return method


def _data_op(qualname, op, rewrap=False, unwrap=None):
    """A method returning op(self.data, *args): operators and builtins (len,
    int, ...) are applied to .data as to a real list or str, with the same
    errors. unwrap: arguments of this wrapper class are passed as their
    .data (comparisons)."""

    def method(self, *args):
        if unwrap is not None:
            args = [_unwrap(arg, unwrap) for arg in args]
        result = op(self.data, *args)
        return self.__class__(result) if rewrap else result

    method.__name__ = qualname.rpartition(".")[2]
    method.__qualname__ = qualname
    return method


class UserList(_collections_abc.MutableSequence):
    """A more or less complete user-defined wrapper around list objects."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = initlist.data[:]
        elif type(initlist) == list:
            self.data = initlist[:]
        else:
            self.data = list(initlist)

    __len__ = _data_op("UserList.__len__", len)
    __hash__ = None  # mutable, and equal to lists, which are unhashable
    __setitem__ = _data_op("UserList.__setitem__", _operator.setitem)
    __delitem__ = _data_op("UserList.__delitem__", _operator.delitem)
    insert = _data_method("UserList.insert")

    def __contains__(self, item):
        return item in self.data

    def __getitem__(self, i):
        found = self.data[i]
        return self.__class__(found) if isinstance(i, slice) else found

    def __add__(self, other):
        return self.__class__(self.data + _as_list(other))

    def __radd__(self, other):
        return self.__class__(_as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += _as_list(other)
        return self

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        return _copy_wrapper(self, list.copy)

    def copy(self):
        return self.__class__(self)

    def extend(self, other):
        self.data.extend(_unwrap(other, UserList))


class UserDict(_collections_abc.MutableMapping):
    """A more or less complete user-defined wrapper around dictionary objects."""

    def __init__(self, initial=None, /, **kwargs):
        self.data = {}
        if initial is not None:
            self.update(initial)
        if kwargs:
            self.update(kwargs)

    __len__ = _data_op("UserDict.__len__", len)
    __setitem__ = _data_op("UserDict.__setitem__", _operator.setitem)
    __delitem__ = _data_op("UserDict.__delitem__", _operator.delitem)

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        # Like dict, a subclass may supply missing values.
        missing = getattr(self.__class__, "__missing__", None)
        if missing is not None:
            return missing(self, key)
        raise KeyError(key)

    def __or__(self, other):
        if isinstance(other, (UserDict, dict)):
            return self.__class__(self.data | _unwrap(other, UserDict))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, dict)):
            return self.__class__(_unwrap(other, UserDict) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data |= _unwrap(other, UserDict)
        return self

    def __copy__(self):
        return _copy_wrapper(self, dict.copy)

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        # A subclass keeps its attributes: copy it with .data emptied, then
        # refill through update() so an overridden __setitem__ is honoured.
        import copy
        saved, self.data = self.data, {}
        try:
            clone = copy.copy(self)
        finally:
            self.data = saved
        clone.update(self)
        return clone

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


class UserString(_collections_abc.Sequence):
    """A user-defined wrapper around string objects."""

    def __init__(self, seq):
        if isinstance(seq, UserString):
            seq = seq.data[:]
        elif not isinstance(seq, str):
            seq = str(seq)
        self.data = seq

    __len__ = _data_op("UserString.__len__", len)
    __getitem__ = _data_op("UserString.__getitem__", _operator.getitem, rewrap=True)

    def __getnewargs__(self):
        return (self.data[:],)

    def __contains__(self, char):
        return _unwrap(char, UserString) in self.data

    def __add__(self, other):
        return self.__class__(self.data + _as_str(other))

    def __radd__(self, other):
        return self.__class__(_as_str(other) + self.data)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def encode(self, encoding="utf-8", errors="strict"):
        # None stands for the default, as it does for str.encode.
        if encoding is None:
            encoding = "utf-8"
        return self.data.encode(encoding, "strict" if errors is None else errors)

    maketrans = str.maketrans


def _delegate(cls, name, rewrap=False, unwrap=None):
    setattr(cls, name, _data_method(f"{cls.__name__}.{name}", rewrap, unwrap))


def _delegate_op(cls, name, op, rewrap=False, unwrap=None):
    setattr(cls, name, _data_op(f"{cls.__name__}.{name}", op, rewrap, unwrap))


# Abstract methods of the ABCs are defined in the class bodies above: the
# ABC decides at class creation which methods are still missing.
for _name in ("append", "pop", "remove", "clear", "count", "index",
              "reverse", "sort"):
    _delegate(UserList, _name)
for _name, _op in (("__lt__", _operator.lt), ("__le__", _operator.le),
                   ("__eq__", _operator.eq), ("__gt__", _operator.gt),
                   ("__ge__", _operator.ge)):
    _delegate_op(UserList, _name, _op, unwrap=UserList)
    _delegate_op(UserString, _name, _op, unwrap=UserString)
for _cls in (UserList, UserDict):
    _delegate_op(_cls, "__repr__", repr)
for _cls in (UserList, UserString):
    _delegate_op(_cls, "__mul__", _operator.mul, rewrap=True)
    _delegate_op(_cls, "__rmul__", _operator.mul, rewrap=True)
_delegate_op(UserString, "__mod__", _operator.mod, rewrap=True)
for _name, _op in (("__str__", str), ("__repr__", repr), ("__int__", int),
                   ("__float__", float), ("__complex__", complex),
                   ("__hash__", hash)):
    _delegate_op(UserString, _name, _op)

# The str methods: which return a new string (wrapped again) and which
# accept UserString arguments. The same choices as CPython, where for
# instance startswith() and split() insist on a real str.
for _name in ("capitalize", "casefold", "center", "expandtabs", "ljust",
              "lower", "lstrip", "rjust", "rstrip", "strip", "swapcase",
              "title", "translate", "upper", "zfill"):
    _delegate(UserString, _name, rewrap=True)
for _name in ("removeprefix", "removesuffix", "replace"):
    _delegate(UserString, _name, rewrap=True, unwrap=UserString)
for _name in ("count", "find", "rfind"):
    _delegate(UserString, _name, unwrap=UserString)
for _name in ("index", "rindex", "endswith", "startswith", "format",
              "format_map", "isalnum", "isalpha", "isascii", "isdecimal",
              "isdigit", "isidentifier", "islower", "isnumeric",
              "isprintable", "isspace", "istitle", "isupper", "join",
              "partition", "rpartition", "rsplit", "split", "splitlines"):
    _delegate(UserString, _name)
del _name, _op, _cls
