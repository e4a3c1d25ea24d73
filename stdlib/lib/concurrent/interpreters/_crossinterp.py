"""What runs inside the target interpreter of Interpreter.exec/call.

Written for gilt.  The native _interpreters.run(id, name, arg) calls one of
the functions below in the target interpreter, with `arg` and the reply
copied across as shareable values (None, bool, int, float, str, bytes,
tuples of them, queues).  Everything else travels pickled: pack() makes
("p", pickle bytes, main script path) or ("s", obj) for shareable objects,
and unpack() reverses it in the receiving interpreter.

Functions travel by reference, as pickle always sends them: their module
and qualified name.  One defined in the caller's __main__ is looked up in
the target's __main__ first; when it is not there, the caller's main script
is run once in the target under the module name "<fake __main__>" (so its
`if __name__ == "__main__":` block does not run) and the function is taken
from that, which is what CPython 3.14 does.  Lambdas and nested functions
cannot be found by name, so they are not shareable.

An exception escaping the code that ran becomes the reply
("err", type name, qualname, module, message, formatted, errdisplay,
pickled exception or None); the caller raises ExecutionFailed from it.
"""

import io
import pickle
import sys
import threading

_fake_mains = {}


def _fake_main(path):
    # The caller's main script, run here once under another name.
    module = _fake_mains.get(path)
    if module is None:
        import types

        module = types.ModuleType("<fake __main__>")
        module.__file__ = path
        module.__builtins__ = __builtins__
        with open(path, "rb") as f:
            code = compile(f.read(), path, "exec")
        _fake_mains[path] = module
        exec(code, module.__dict__)
    return module


def _lookup(obj, dotted):
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


class _Unpickler(pickle.Unpickler):
    def __init__(self, data, main_path):
        super().__init__(io.BytesIO(data))
        self._main_path = main_path

    def find_class(self, module, name):
        if module == "__main__":
            main = sys.modules.get("__main__")
            try:
                return _lookup(main, name)
            except AttributeError:
                if not self._main_path:
                    raise
            return _lookup(_fake_main(self._main_path), name)
        return super().find_class(module, name)


def _main_path():
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path if isinstance(path, str) else None


def pack(obj):
    """The shareable form of obj; NotShareableError if it has none."""
    import _interpreters

    if _interpreters.is_shareable(obj):
        return ("s", obj)
    try:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        raise _interpreters.NotShareableError(
            f"{obj} does not support cross-interpreter data"
        ) from exc
    return ("p", data, _main_path())


def unpack(packed):
    if packed[0] == "s":
        return packed[1]
    return _Unpickler(packed[1], packed[2]).load()


def _error(exc):
    import traceback

    kind = type(exc)
    message = str(exc)
    formatted = "".join(traceback.format_exception_only(kind, exc)).strip()
    display = "".join(traceback.format_exception(kind, exc, exc.__traceback__)).rstrip()
    try:
        pickled = pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        pickled = None
    return ("err", kind.__name__, kind.__qualname__, kind.__module__, message, formatted,
            display, pickled)


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def run_exec(source):
    main = sys.modules["__main__"]
    try:
        code = compile(source, "<string>", "exec")
        exec(code, main.__dict__)
    except BaseException as exc:
        return _error(exc)
    finally:
        _flush()
    return None


def run_call(packed):
    try:
        fn, args, kwargs = unpack(packed)
        result = fn(*args, **kwargs)
    except BaseException as exc:
        _flush()
        return _error(exc)
    _flush()
    try:
        return ("ok", pack(result))
    except BaseException as exc:
        return _error(exc)


def prepare_main(packed):
    try:
        names = unpack(packed)
        sys.modules["__main__"].__dict__.update(names)
    except BaseException as exc:
        return _error(exc)
    return None


class Numbered:
    """Base of the objects that stand for something the runtime numbers (an
    interpreter, a queue): one Python object per class and id, shown, hashed
    and pickled as that id.  A subclass makes its objects with _for_id."""

    _registry = {}
    _registry_lock = threading.Lock()

    @classmethod
    def _for_id(cls, id, setup):
        """The object for id, made (and given to setup once) on first use."""
        if not isinstance(id, int):
            raise TypeError(f"id must be an int, got {id!r}")
        with Numbered._registry_lock:
            self = Numbered._registry.get((cls, id))
            if self is None:
                self = object.__new__(cls)
                self._id = id
                setup(self)
                Numbered._registry[(cls, id)] = self
        return self

    def _forget(self):
        with Numbered._registry_lock:
            Numbered._registry.pop((type(self), self._id), None)

    def __repr__(self):
        return f"{type(self).__name__}({self._id})"

    def __hash__(self):
        return hash(self._id)

    def __reduce__(self):
        return (type(self), (self._id,))

    @property
    def id(self):
        return self._id
