# Async generators under asyncio: aclose() awaits the generator's cleanup,
# athrow() throws in, and asynccontextmanager sees the body's exception.
import asyncio, contextlib

async def gen():
    try:
        yield 1
        yield 2
    finally:
        await asyncio.sleep(0.001)
        print("finally awaited")

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def catcher():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            yield f"caught {e}"

@contextlib.asynccontextmanager
async def cm():
    try:
        yield "value"
    except ValueError as e:
        print("cm saw", e)

async def main():
    g = gen()
    print(await g.__anext__())
    print(await g.aclose())
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    c = catcher()
    print(await c.__anext__())
    print(await c.athrow(KeyError("k")))
    print(await c.__anext__())
    try:
        await c.athrow(ValueError("v"))
    except ValueError as e:
        print("propagated", e)
    async with cm() as v:
        raise ValueError("inside")
    print("after cm", v)
    aw = g.aclose()
    await aw
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
