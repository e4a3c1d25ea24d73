# Each task runs in a copy of the context it was created in; changes in a
# task stay in it; context= picks another.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")


async def handler(name):
    before = request.get()
    request.set(name)
    await asyncio.sleep(0.01)
    return before, request.get()


async def main():
    request.set("main")
    results = await asyncio.gather(handler("a"), handler("b"))
    print(results, request.get())
    ctx = contextvars.copy_context()
    ctx.run(request.set, "custom")
    t = asyncio.create_task(handler("c"), context=ctx)
    print(await t, ctx[request], request.get())

    seen = []
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: seen.append(request.get()), context=ctx)
    fut.add_done_callback(lambda f: seen.append(request.get()))
    fut.set_result(None)
    await asyncio.sleep(0)
    print(seen)


asyncio.run(main())
