"""Abstract Base Classes (PEP 3119), written in Python on top of the
runtime's __instancecheck__ support (CPython's Lib/_py_abc.py, simplified:
no weak references in the caches)."""


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""
    __isabstractmethod__ = True


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class _AbcData:
    """One ABC's registry and caches (kept in the class's own __dict__)."""

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()


def _abc_data(cls):
    # Created on first use, so a class gets its own data even when it was
    # made without going through ABCMeta.__new__ (type(name, bases, ns)).
    data = cls.__dict__.get('_abc_impl')
    if data is None:
        data = _AbcData()
        type.__setattr__(cls, '_abc_impl', data)
    return data


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        _abc_data(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get("__abstractmethods__", ())
        if abstracts:
            names = sorted(abstracts)
            plural = "s" if len(names) > 1 else ""
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, plural, ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if _abc_subclasscheck(subclass, cls):
            return subclass
        if _abc_subclasscheck(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        data = _abc_data(cls)
        data.registry.add(subclass)
        data.negative_cache.clear()
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = type(instance)
        if subclass in _abc_data(cls).cache:
            return True
        return cls.__subclasscheck__(subclass)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        data = _abc_data(cls)
        if subclass in data.cache:
            return True
        if subclass in data.negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        ok = hook(subclass) if hook is not None else NotImplemented
        if ok is not NotImplemented:
            if ok:
                data.cache.add(subclass)
            else:
                data.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            data.cache.add(subclass)
            return True
        for rcls in data.registry:
            if _abc_subclasscheck(subclass, rcls):
                data.cache.add(subclass)
                return True
        for scls in type.__subclasses__(cls):
            if _abc_subclasscheck(subclass, scls):
                data.cache.add(subclass)
                return True
        data.negative_cache.add(subclass)
        return False

    def _abc_registry_clear(cls):
        _abc_data(cls).registry.clear()

    def _abc_caches_clear(cls):
        data = _abc_data(cls)
        data.cache.clear()
        data.negative_cache.clear()


def _abc_subclasscheck(subclass, cls):
    # issubclass() that also consults ABCMeta's virtual subclasses.
    if isinstance(cls, ABCMeta):
        return cls.__subclasscheck__(subclass)
    return issubclass(subclass, cls)


def get_cache_token():
    """Returns the current ABC cache token (a constant here)."""
    return 0


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
