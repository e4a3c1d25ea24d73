"""The types of interpreter objects that have no builtin name (functions,
generators, methods, modules, tracebacks, ...), and helpers for creating
classes dynamically: new_class, prepare_class, resolve_bases."""

import sys

# Most of these types are reachable only through an object of the type, so
# each is taken from a small sample object made here and thrown away below.

NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
ModuleType = type(sys)
SimpleNamespace = type(sys.implementation)
MappingProxyType = type(type.__dict__)
GenericAlias = type(list[int])
UnionType = type(int | str)


def _closure_sample():
    captured = None

    def reader():
        return captured
    return reader


FunctionType = type(_closure_sample)
LambdaType = FunctionType
CodeType = type(_closure_sample.__code__)
CellType = type(_closure_sample().__closure__[0])


class _MethodSample:
    def method(self):
        return self


MethodType = type(_MethodSample().method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
GetSetDescriptorType = type(type.__dict__["__name__"])
MemberDescriptorType = type(FunctionType.__dict__["__globals__"])


def _generator_sample():
    yield


async def _coroutine_sample():
    return None


async def _async_generator_sample():
    yield


GeneratorType = type(_generator_sample())
AsyncGeneratorType = type(_async_generator_sample())


def _finished_coroutine():
    # Closed at once, so no "coroutine was never awaited" warning follows.
    coro = _coroutine_sample()
    coro.close()
    return coro


CoroutineType = type(_finished_coroutine())


def _caught_traceback():
    try:
        raise RuntimeError
    except RuntimeError as exc:
        return exc.__traceback__


_tb = _caught_traceback()
TracebackType = type(_tb)
# A runtime that keeps no frame objects has tb_frame None; NoneType would be
# a wrong answer for isinstance(), so FrameType is None there.
FrameType = None if _tb.tb_frame is None else type(_tb.tb_frame)

del (sys, _closure_sample, _MethodSample, _generator_sample, _coroutine_sample,
     _async_generator_sample, _finished_coroutine, _caught_traceback, _tb)


_NOT_FOUND = object()


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560.

    Every base that is not a class but has __mro_entries__ is replaced by
    the tuple that method returns. The argument itself comes back when
    nothing was replaced."""
    expanded = []
    replaced = False
    for base in bases:
        hook = _NOT_FOUND
        if not isinstance(base, type):
            hook = getattr(base, "__mro_entries__", _NOT_FOUND)
        if hook is _NOT_FOUND:
            expanded.append(base)
            continue
        entries = hook(bases)
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        expanded.extend(entries)
        replaced = True
    return tuple(expanded) if replaced else bases


def _calculate_meta(meta, bases):
    """Calculate the most derived metaclass."""
    best = meta
    for base in bases:
        candidate = type(base)
        if issubclass(best, candidate):
            continue
        if not issubclass(candidate, best):
            raise TypeError("metaclass conflict: the metaclass of a derived class "
                            "must be a (non-strict) subclass of the metaclasses "
                            "of all its bases")
        best = candidate
    return best


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds), where kwds is a copy of the given
    keywords without 'metaclass'."""
    keywords = {} if kwds is None else dict(kwds)
    meta = keywords.pop("metaclass", _NOT_FOUND)
    if meta is _NOT_FOUND:
        meta = type(bases[0]) if bases else type
    # A metaclass that is not a class (any callable) is used as given.
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    prepare = getattr(meta, "__prepare__", None)
    namespace = {} if prepare is None else prepare(name, bases, **keywords)
    return meta, namespace, keywords


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass.

    exec_body, if given, is called with the fresh namespace to fill it, as
    the body of a class statement would."""
    real_bases = resolve_bases(bases)
    meta, namespace, keywords = prepare_class(name, real_bases, kwds)
    if exec_body is not None:
        exec_body(namespace)
    if real_bases is not bases:
        namespace["__orig_bases__"] = bases
    return meta(name, real_bases, namespace, **keywords)


def get_original_bases(cls):
    """Return the class's bases as written, before __mro_entries__ replaced any."""
    return cls.__dict__.get("__orig_bases__", cls.__bases__)


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    # TODO: CPython marks a generator function's code as an iterable
    # coroutine and wraps other callables; this runtime already lets a
    # generator be awaited, so the function is returned unchanged.
    return func


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    A descriptor that behaves like a property on instances, but raises
    AttributeError when looked up on the class itself, so that the class
    (or its metaclass's __getattr__) can supply a different value there."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        # Without an explicit doc the getter's docstring is used, and a
        # later .getter() replaces it along with the getter.
        inherit_doc = doc is None
        if inherit_doc and fget is not None:
            doc = fget.__doc__
        self.__doc__ = doc
        self.overwrite_doc = inherit_doc
        self.__isabstractmethod__ = bool(getattr(fget, "__isabstractmethod__", False))

    def __get__(self, instance, ownerclass=None):
        if instance is not None:
            if self.fget is None:
                raise AttributeError("unreadable attribute")
            return self.fget(instance)
        if self.__isabstractmethod__:
            return self
        raise AttributeError()

    def __set__(self, obj, value):
        _required(self.fset, "can't set attribute")(obj, value)

    def __delete__(self, obj):
        _required(self.fdel, "can't delete attribute")(obj)

    def getter(self, fget):
        doc = fget.__doc__ if self.overwrite_doc else self.__doc__
        return _copy_descriptor(self, fget, self.fset, self.fdel, doc)

    def setter(self, fset):
        return _copy_descriptor(self, self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return _copy_descriptor(self, self.fget, self.fset, fdel, self.__doc__)


def _copy_descriptor(old, fget, fset, fdel, doc):
    # getter/setter/deleter build a new descriptor of the same class; where
    # its doc comes from is decided once, by the first one.
    new = type(old)(fget, fset, fdel, doc)
    new.overwrite_doc = old.overwrite_doc
    return new


def _required(accessor, message):
    if accessor is None:
        raise AttributeError(message)
    return accessor
