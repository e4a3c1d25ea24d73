# closing, suppress, nullcontext, redirect_stdout/stderr, chdir and the
# structural checks of AbstractContextManager.
import io
import os
import sys
from contextlib import (closing, suppress, nullcontext, redirect_stdout,
                        redirect_stderr, chdir, AbstractContextManager,
                        AbstractAsyncContextManager, ContextDecorator)


class Resource:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True
        print("closed")


r = Resource()
with closing(r) as got:
    print(got is r, r.closed)
print(r.closed)
try:
    with closing(Resource()):
        raise ValueError("inside closing")
except ValueError as e:
    print("ValueError:", e)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with suppress(LookupError):
    {}["k"]
print("suppressed subclass")
with suppress():
    pass
try:
    with suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("TypeError:", e)
s = suppress(ValueError)
print(s.__exit__(None, None, None), s.__exit__(ValueError, ValueError(), None))

with nullcontext() as n:
    print(n)
with nullcontext(42) as n:
    print(n)
print(nullcontext(7).enter_result)

buf, other = io.StringIO(), io.StringIO()
rd = redirect_stdout(buf)
with rd as target:
    print("one", target is buf)
    with rd:
        print("nested")
print("back", repr(buf.getvalue()))
with redirect_stdout(buf), redirect_stderr(other):
    print("to err", file=sys.stderr)
print(repr(other.getvalue()), sys.stdout is sys.__stdout__ or True)

start = os.getcwd()
with chdir("/") as res:
    print(os.getcwd(), res)
print(os.getcwd() == start)


class Plain:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class Half:
    def __enter__(self):
        return self


class Disabled(Plain):
    __exit__ = None


print(isinstance(Plain(), AbstractContextManager), issubclass(Half, AbstractContextManager))
print(issubclass(Disabled, AbstractContextManager), isinstance(nullcontext(), AbstractAsyncContextManager))
print(issubclass(closing, AbstractContextManager), isinstance(io.StringIO(), AbstractContextManager))


class Sub(AbstractContextManager):
    def __exit__(self, *a):
        print("sub exit")


with Sub() as sub:
    print(type(sub).__name__)
print(issubclass(Plain, Sub))


class Timer(ContextDecorator):
    def __enter__(self):
        print("start")
        return self

    def __exit__(self, *exc):
        print("stop", exc[0].__name__ if exc[0] else None)
        return False


@Timer()
def work(n):
    """Work doc."""
    print("working", n)
    return n + 1


print(work(3), work.__name__, work.__doc__)
