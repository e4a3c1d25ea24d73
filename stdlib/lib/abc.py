"""Abstract base classes (PEP 3119): the ABCMeta metaclass, the ABC helper
base, the abstractmethod decorator family, get_cache_token and
update_abstractmethods.

How an ABC answers issubclass(C, abc), first answer wins:
  1. the ABC's positive cache, then its negative cache;
  2. abc.__subclasshook__(C), unless it returns NotImplemented;
  3. real inheritance (abc in C.__mro__);
  4. classes registered with abc.register(), then abc's own subclasses,
     each asked with issubclass() so that their hooks and registries count.
A registration can turn an earlier "no" of any ABC into "yes", so register()
bumps one global counter and every negative cache remembers the counter it
was filled under; a stale negative cache is emptied on its next use. A "yes"
never becomes wrong, so positive caches are never invalidated.

Unlike CPython the caches and the registry hold strong references: a weak
set would cost a weak reference per lookup on the isinstance() hot path.

The runtime has no "abstract type" flag in object.__new__, so ABCMeta.__call__
is what refuses to instantiate a class with abstract methods left.
"""

# Bumped by every successful register(); see the module docstring.
_invalidation_counter = 0

# Stands for an empty registry or cache until the first entry arrives. Most
# ABCs never register anything, and building three sets per class made class
# creation slower; it also kept clear of a runtime bug: a collection that
# starts while a new set is being allocated reads the set's table before it
# is set up, so every set allocated is a (small) chance of a crash.
_NOTHING = frozenset()


class _AbcState:
    """The per-ABC bookkeeping, stored on the class as _abc_impl."""

    __slots__ = ("registry", "positive", "negative", "negative_version")

    def __init__(self):
        self.registry = _NOTHING
        self.positive = _NOTHING
        self.negative = _NOTHING
        self.negative_version = _invalidation_counter

    def remember(self, subclass, verdict):
        if verdict:
            if self.positive is _NOTHING:
                self.positive = set()
            self.positive.add(subclass)
        else:
            if self.negative is _NOTHING:
                self.negative = set()
            self.negative.add(subclass)


def _marked_abstract(member):
    return getattr(member, "__isabstractmethod__", False)


def _abstract_names(cls):
    """The names that are still abstract in cls: abstract members of its own
    namespace, plus names abstract in a base that cls does not override with a
    concrete member."""
    names = set()
    for name, member in cls.__dict__.items():
        if _marked_abstract(member):
            names.add(name)
    for base in cls.__bases__:
        inherited = getattr(base, "__abstractmethods__", None)
        if not inherited:
            continue
        for name in inherited:
            if name not in names and _marked_abstract(getattr(cls, name, None)):
                names.add(name)
    return frozenset(names)


def _abstract_names_early(namespace, bases):
    """_abstract_names() for a class about to be made from namespace and
    bases, or None when that needs the finished class's MRO (an abstract name
    inherited, not overridden, with several bases to resolve it through)."""
    names = set()
    for name, member in namespace.items():
        # Strings (__module__, __qualname__, __doc__) are never abstract;
        # skipping them saves a failing attribute lookup each.
        if type(member) is not str and _marked_abstract(member):
            names.add(name)
    for base in bases:
        inherited = getattr(base, "__abstractmethods__", None)
        if not inherited:
            continue
        for name in inherited:
            if name in namespace:
                continue
            if len(bases) > 1:
                return None
            if _marked_abstract(getattr(base, name, None)):
                names.add(name)
    return frozenset(names)


# _uncached_verdict's "yes" for a class registered directly: CPython answers
# that from the registry every time and leaves the positive cache alone, which
# _dump_registry and _abc_registry_clear make visible.
_REGISTERED = "registered"


def _uncached_verdict(abc, state, candidate):
    """issubclass(candidate, abc) worked out from scratch (steps 2-4)."""
    verdict = abc.__subclasshook__(candidate)
    if verdict is not NotImplemented:
        if verdict is True or verdict is False:
            return verdict
        raise AssertionError("__subclasshook__ must return either False, "
                             "True, or NotImplemented")
    if abc in candidate.__mro__:
        return True
    if candidate in state.registry:
        return _REGISTERED
    for virtual in state.registry:
        if issubclass(candidate, virtual):
            return True
    for child in abc.__subclasses__():
        if issubclass(candidate, child):
            return True
    return False


def _missing_methods_error(cls, names):
    ordered = sorted(names)
    noun = "abstract methods" if len(ordered) > 1 else "abstract method"
    return TypeError("Can't instantiate abstract class %s with %s %s"
                     % (cls.__name__, noun, ", ".join(ordered)))


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs).

    A class made with this metaclass cannot be instantiated while it has
    abstract methods, and accepts virtual subclasses through register()."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        # Setting attributes on a finished class is slow (it invalidates
        # lookup caches), so both go into the namespace up front whenever
        # the abstract names can be known before the class exists.
        body = dict(namespace)
        abstracts = _abstract_names_early(body, bases)
        body["__abstractmethods__"] = abstracts
        body["_abc_impl"] = _AbcState()
        cls = super().__new__(mcls, name, bases, body, **kwargs)
        if abstracts is None:
            cls.__abstractmethods__ = _abstract_names(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        pending = cls.__abstractmethods__
        if pending:
            raise _missing_methods_error(cls, pending)
        return super().__call__(*args, **kwargs)

    def __subclasshook__(cls, subclass):
        # object.__subclasshook__ stands in for this in CPython; the runtime's
        # object has none, and a metaclass method is found after the class's
        # own MRO, so a hook defined by any class in the MRO still wins.
        return NotImplemented

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        claimed = instance.__class__
        state = cls._abc_impl
        if claimed in state.positive:
            return True
        actual = type(instance)
        if actual is claimed:
            if (state.negative_version == _invalidation_counter
                    and claimed in state.negative):
                return False
            return cls.__subclasscheck__(claimed)
        # A proxy object may claim a __class__ other than its type: either
        # one being a subclass is enough.
        return cls.__subclasscheck__(claimed) or cls.__subclasscheck__(actual)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        state = cls._abc_impl
        if subclass in state.positive:
            return True
        if state.negative_version != _invalidation_counter:
            state.negative = _NOTHING
            state.negative_version = _invalidation_counter
        elif subclass in state.negative:
            return False
        verdict = _uncached_verdict(cls, state, subclass)
        if verdict is _REGISTERED:
            return True
        state.remember(subclass, verdict)
        return verdict

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator."""
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        # The other direction would make cls its own (virtual) ancestor.
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        state = cls._abc_impl
        if state.registry is _NOTHING:
            state.registry = set()
        state.registry.add(subclass)
        _invalidation_counter += 1
        return subclass

    def _dump_registry(cls, file=None):
        """Debug helper: print the ABC's registry and caches."""
        state = cls._abc_impl
        lines = ("Class: %s.%s" % (cls.__module__, cls.__qualname__),
                 "Inv. counter: %d" % _invalidation_counter,
                 "_abc_registry: %r" % (set(state.registry),),
                 "_abc_cache: %r" % (set(state.positive),),
                 "_abc_negative_cache: %r" % (set(state.negative),),
                 "_abc_negative_cache_version: %r" % state.negative_version)
        for line in lines:
            print(line, file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry = _NOTHING

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        state = cls._abc_impl
        state.positive = _NOTHING
        state.negative = _NOTHING


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()


def get_cache_token():
    """Returns the current ABC cache token.

    The token changes with every call to register() on any ABC, so callers
    can tell when their own isinstance-derived caches went stale."""
    return _invalidation_counter


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class.

    Needed when methods are added to or removed from a class after it was
    created (class decorators do this). Classes that are not ABCs are
    returned unchanged."""
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _abstract_names(cls)
    return cls


def abstractmethod(funcobj):
    """A decorator indicating abstract methods.

    A class whose metaclass is ABCMeta (or derived from it) cannot be
    instantiated until all of its abstract methods are overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# The three deprecated spellings below predate stacking @abstractmethod
# under classmethod, staticmethod and property, which is what they do.

class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated: use
    classmethod with abstractmethod instead)."""

    def __init__(self, method):
        super().__init__(abstractmethod(method))

    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated: use
    staticmethod with abstractmethod instead)."""

    def __init__(self, method):
        super().__init__(abstractmethod(method))

    __isabstractmethod__ = True


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated: use property
    with abstractmethod instead)."""

    __isabstractmethod__ = True
