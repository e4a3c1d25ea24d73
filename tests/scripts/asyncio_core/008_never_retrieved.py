# The default exception handler: a task whose exception nobody retrieved
# is logged with its traceback when the task is freed; a retrieved one is
# not.
import asyncio
import gc


async def inner():
    raise ValueError("nobody looked")


async def outer():
    await inner()


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    print("task done:", t.done())
    del t
    gc.collect()
    r = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    print(type(r.exception()).__name__)
    del r
    gc.collect()
    print("end of main")


asyncio.run(main())
