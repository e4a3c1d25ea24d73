# aiter() and anext(), with and without a default, on async generators and
# on classes that implement the protocol themselves.
import asyncio


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def main():
    it = aiter(agen(2))
    print(type(it).__name__, it is aiter(it))
    print(await anext(it), await anext(it, "dflt"), await anext(it, "dflt"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    c = aiter(Countdown(2))
    print(await anext(c), await anext(c), await anext(c, None))
    aw = anext(agen(1), "x")
    print(type(aw).__name__)
    print(await aw)
    print([x async for x in aiter(Countdown(3))])
    for bad in (42, [1]):
        try:
            aiter(bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        anext(iter([1]))
    except TypeError as e:
        print("TypeError", e)
    try:
        anext(agen(1), 1, 2)
    except TypeError as e:
        print("TypeError", e)
    # throw() and close() pass through the awaitable anext() made
    aw = anext(agen(3), "d")
    it = aw.__await__()
    print(next(it))
    try:
        it.throw(ValueError("thrown in"))
    except ValueError as e:
        print("ValueError", e)
    aw = anext(agen(0), "empty")
    try:
        aw.send(None)
    except StopIteration as e:
        print("StopIteration", e.value)


asyncio.run(main())
