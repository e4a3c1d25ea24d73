# An async generator runs one asend/athrow/aclose step at a time: from the
# step's first send until it completes, suspended awaits included, another
# __anext__/asend/athrow/aclose is CPython's RuntimeError "... is already
# running", from inside the generator and from another task alike, and
# ag_running says so. Before, the second step ran the generator on (a
# corrupted iteration), and from inside it was ValueError.
import asyncio


def drive(label, awaitable):
    try:
        awaitable.send(None)
        print(label, "suspended")
    except StopIteration as e:
        print(label, "done", e.value)
    except BaseException as e:
        print(label, type(e).__name__, e)


async def closes_itself():
    await me.aclose()
    yield 1


me = closes_itself()
drive("aclose inside", me.asend(None))


async def sends_to_itself():
    await me2.asend(None)
    yield 1


me2 = sends_to_itself()
drive("asend inside", me2.asend(None))


async def throws_into_itself():
    await me3.athrow(KeyError)
    yield 1


me3 = throws_into_itself()
drive("athrow inside", me3.asend(None))


async def anext_of_itself():
    print("ag_running inside:", me4.ag_running)
    await me4.__anext__()
    yield 1


me4 = anext_of_itself()
drive("anext inside", me4.__anext__())


async def slow():
    await asyncio.sleep(0)
    yield "first"
    yield "second"


async def main():
    agen = slow()
    task = asyncio.ensure_future(agen.__anext__())
    await asyncio.sleep(0)
    print("ag_running while suspended:", agen.ag_running)
    for name, make in [("anext", agen.__anext__), ("asend", lambda: agen.asend(None)),
                       ("athrow", lambda: agen.athrow(KeyError)), ("aclose", agen.aclose)]:
        try:
            await make()
            print(name, "ran")
        except BaseException as e:
            print(name, type(e).__name__, e)
    print("first step:", await task, "ag_running after:", agen.ag_running)
    print("next step:", await agen.__anext__())
    await agen.aclose()
    print("closed; further anext:", end=" ")
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")


asyncio.run(main())
