# @contextmanager: enter/exit order, exceptions thrown in at the yield,
# suppression, re-raise, and the RuntimeErrors for misbehaving generators.
from contextlib import contextmanager


@contextmanager
def tracked(name, swallow=False):
    """Tracked doc."""
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("saw", repr(e))
        if not swallow:
            raise
    finally:
        print("exit", name)


with tracked("a") as v:
    print("body", v)

with tracked("b", swallow=True):
    raise ValueError("swallowed")
print("after b")

try:
    with tracked("c"):
        raise ValueError("kept")
except ValueError as e:
    print("caught", e, e.__traceback__ is not None)

try:
    with tracked("d"):
        raise KeyError("other type")
except KeyError as e:
    print("caught KeyError", e)

cm = tracked("e")
print(cm.__doc__, type(cm).__name__)
print(tracked.__name__, tracked.__doc__)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


@contextmanager
def yields_after_error():
    try:
        yield
    except Exception:
        yield


@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("translated") from e


for factory in (no_yield, two_yields):
    try:
        with factory():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e, e.__suppress_context__)

try:
    with yields_after_error():
        raise OSError
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    with translate():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


# StopIteration raised in the body passes through unchanged.
@contextmanager
def plain():
    yield


try:
    with plain():
        raise StopIteration("stop")
except StopIteration as e:
    print("StopIteration", e)


@contextmanager
def swallow_stop():
    try:
        yield
    except StopIteration:
        pass


with swallow_stop():
    raise StopIteration("gone")
print("swallowed StopIteration")

# A manager object made by the factory works once as a decorator per call.
calls = []


@tracked("deco")
def decorated(x):
    calls.append(x)
    return x * 2


print(decorated(1), decorated(2), calls, decorated.__name__)

m = plain()
with m:
    pass
print(hasattr(m, "func"), hasattr(m, "gen"))
