# ExitStack: unwinding order, suppression, exceptions raised by callbacks
# and their context chain, pop_all, push and the protocol check.
from contextlib import ExitStack, contextmanager


@contextmanager
def named(name):
    print("enter", name)
    yield name
    print("exit", name)


with ExitStack() as stack:
    print(stack.enter_context(named("a")))
    cb = stack.callback(print, "callback", 1, sep="-")
    print(cb is print)
    stack.enter_context(named("b"))


def exit_fn(exc_type, exc, tb):
    print("exit_fn sees", exc_type.__name__ if exc_type else None)
    return exc_type is KeyError


with ExitStack() as stack:
    stack.push(exit_fn)
    stack.callback(print, "plain callback")
    raise KeyError("swallowed by exit_fn")
print("after suppression")


class Manager:
    def __enter__(self):
        print("Manager entered")
        return self

    def __exit__(self, *exc):
        print("Manager exit", exc[0])
        return False


with ExitStack() as stack:
    m = Manager()
    print(stack.push(m) is m)


def raiser(exc):
    def cb(*args):
        raise exc
    return cb


try:
    with ExitStack() as stack:
        stack.push(raiser(IndexError("inner")))
        stack.push(raiser(KeyError("outer")))
        raise ValueError("body")
except IndexError as e:
    chain = []
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__context__
    print(chain)

try:
    with ExitStack() as stack:
        stack.push(lambda *a: True)
        stack.push(raiser(KeyError("late")))
except KeyError:
    print("not reached")
else:
    print("KeyError suppressed by the older callback")

try:
    try:
        raise OSError("outer handled")
    except OSError:
        with ExitStack() as stack:
            stack.push(raiser(ValueError("from callback")))
except ValueError as e:
    print(type(e.__context__).__name__)

with ExitStack() as outer:
    outer.callback(print, "moved callback")
    moved = outer.pop_all()
    print(type(moved).__name__)
print("outer done")
moved.close()
moved.close()

with ExitStack() as stack:
    try:
        stack.enter_context(object())
    except TypeError as e:
        print("TypeError:", e)

stack = ExitStack()
wrapped = stack.callback(len, "abc")
print(stack._exit_callbacks[-1][1].__wrapped__ is len)
stack.close()
print(ExitStack().__enter__().__exit__(None, None, None))
