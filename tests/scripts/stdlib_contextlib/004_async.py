# Asynchronous managers, driven by hand (no event loop): the normal paths
# of asynccontextmanager, aclosing, nullcontext, AsyncExitStack and
# AsyncContextDecorator.
from contextlib import (asynccontextmanager, aclosing, nullcontext, AsyncExitStack,
                        AsyncContextDecorator)


def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("coroutine suspended")


@asynccontextmanager
async def session(name):
    """Session doc."""
    print("open", name)
    yield name + "!"
    print("close", name)


@asynccontextmanager
async def silent():
    if False:
        yield


@asynccontextmanager
async def chatty():
    yield 1
    yield 2


class Closer:
    async def aclose(self):
        print("aclose called")


async def main():
    async with session("s") as v:
        print("body", v)
    async with aclosing(Closer()) as c:
        print(type(c).__name__)
    async with nullcontext("nc") as n:
        print(n)
    for factory in (silent, chatty):
        try:
            async with factory():
                pass
        except RuntimeError as e:
            print("RuntimeError:", e)
    return "done"


print(run(main()))
print(session.__name__, session("x").__doc__)


async def async_cb(tag):
    print("async callback", tag)


def sync_exit(*exc):
    print("sync exit", exc[0])


class AsyncManager:
    async def __aenter__(self):
        print("aenter")
        return "value"

    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False


async def with_stack():
    async with AsyncExitStack() as stack:
        print(await stack.enter_async_context(AsyncManager()))
        stack.push_async_callback(async_cb, "x")
        stack.callback(print, "sync callback")
        stack.push(sync_exit)
        print(stack.enter_context(nullcontext(5)))
        try:
            await stack.enter_async_context(object())
        except TypeError as e:
            print("TypeError:", e)
    stack2 = AsyncExitStack()
    stack2.push_async_callback(async_cb, "closing")
    await stack2.aclose()
    return "stack done"


print(run(with_stack()))


class Logged(AsyncContextDecorator):
    async def __aenter__(self):
        print("logged enter")

    async def __aexit__(self, *exc):
        print("logged exit")


@Logged()
async def job(x):
    return x * 3


print(run(job(4)), job.__name__)
