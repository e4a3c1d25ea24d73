# Generator, Coroutine and AsyncGenerator mixins driven by hand.
from collections.abc import Generator, Coroutine, AsyncGenerator, AsyncIterator


class Counter(Generator):
    def __init__(self, stop):
        self.i, self.stop = 0, stop

    def send(self, value):
        if value is not None:
            self.i = value
        if self.i >= self.stop:
            raise StopIteration
        self.i += 1
        return self.i

    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)


c = Counter(3)
print(iter(c) is c, next(c), c.send(0), list(c))
for args in ((ValueError,), (ValueError, ValueError("v")), (ValueError, None),
             (KeyError("k"),)):
    try:
        c.throw(*args)
    except Exception as exc:
        print(type(exc).__name__, exc)
try:
    c.throw(ValueError, None, None)
except ValueError as exc:
    print("ValueError", repr(exc))
c.close()
print("closed")


class Stubborn(Counter):
    def throw(self, typ, val=None, tb=None):
        return 1


try:
    Stubborn(1).close()
except RuntimeError as exc:
    print("RuntimeError", exc)


class Stopper(Counter):
    def throw(self, typ, val=None, tb=None):
        raise StopIteration


Stopper(1).close()
print("stopper closed")


class Coro(Coroutine):
    def __await__(self):
        return iter(())

    def send(self, value):
        raise StopIteration(value)

    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)


co = Coro()
try:
    co.send(42)
except StopIteration as exc:
    print("StopIteration", exc.value)
co.close()
try:
    co.throw(TypeError, TypeError("boom"))
except TypeError as exc:
    print("TypeError", exc)


class StubbornCoro(Coro):
    def throw(self, *args):
        return None


try:
    StubbornCoro().close()
except RuntimeError as exc:
    print("RuntimeError", exc)


class AGen(AsyncGenerator):
    def __init__(self, items, stubborn=False):
        self.items = list(items)
        self.stubborn = stubborn

    async def asend(self, value):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)

    async def athrow(self, typ, val=None, tb=None):
        if self.stubborn:
            return 0
        return await super().athrow(typ, val, tb)


def run(awaitable):
    coro = awaitable.__await__() if not hasattr(awaitable, "send") else awaitable
    try:
        coro.send(None)
    except StopIteration as exc:
        return exc.value
    raise AssertionError("suspended")


g = AGen([1, 2])
print(g.__aiter__() is g, run(g.__anext__()), run(g.__anext__()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
print(run(g.aclose()))
try:
    run(AGen([], stubborn=True).aclose())
except RuntimeError as exc:
    print("RuntimeError", exc)
try:
    run(g.athrow(ValueError, ValueError("x")))
except ValueError as exc:
    print("ValueError", exc)


class AIt(AsyncIterator):
    async def __anext__(self):
        return await super().__anext__()


try:
    run(AIt().__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration from default")
