# What the loop reports on its own: a failed callback, a task exception
# nobody retrieved, a custom exception handler, and a pending task
# destroyed while still pending.
import asyncio
import gc


def bad_callback(n):
    raise ZeroDivisionError(f"callback {n}")


async def broken():
    raise KeyError("lost")


async def forever(fut):
    await fut


async def main():
    loop = asyncio.get_running_loop()
    seen = []

    def handler(loop, context):
        seen.append((context["message"], type(context.get("exception")).__name__))

    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad_callback, 1)
    await asyncio.sleep(0.01)
    t = asyncio.create_task(broken())
    await asyncio.sleep(0.01)
    del t
    gc.collect()
    await asyncio.sleep(0)
    print(seen)
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "custom report", "detail": 7})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)

    u = asyncio.create_task(forever(loop.create_future()))
    await asyncio.sleep(0)
    print("dropping the pending task")
    loop.set_exception_handler(lambda loop, ctx: print(ctx["message"], sorted(ctx)))
    del u
    gc.collect()
    loop.set_exception_handler(None)


asyncio.run(main())
print("done")
