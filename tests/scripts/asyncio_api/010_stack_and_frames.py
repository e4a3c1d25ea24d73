# Task.get_stack()/print_stack() and the coroutine attributes cr_frame,
# cr_running, cr_await and cr_code.
import asyncio
import io
import re


async def leaf(ev):
    await ev.wait()


async def middle(ev):
    await leaf(ev)


def clean(text):
    return re.sub(r"0x[0-9a-f]+", "0x", text)


async def main():
    ev = asyncio.Event()
    c = middle(ev)
    print("created", c.cr_running, c.cr_await, c.cr_frame.f_code.co_name, c.cr_code.co_name)
    t = asyncio.create_task(c, name="mid")
    await asyncio.sleep(0)
    print("suspended", c.cr_running, type(c.cr_await).__name__, c.cr_await.cr_code.co_name)
    print("inner", type(c.cr_await.cr_await).__name__)
    stack = t.get_stack()
    print([f.f_code.co_name for f in stack], stack[0].f_lineno)
    print(len(t.get_stack(limit=1)))
    buf = io.StringIO()
    t.print_stack(file=buf)
    print(clean(buf.getvalue()))
    ev.set()
    await t
    print("done", c.cr_frame, c.cr_await, t.get_stack())
    buf = io.StringIO()
    t.print_stack(file=buf)
    print(clean(buf.getvalue()))

    async def probe():
        return asyncio.current_task().get_coro().cr_running

    print("running inside", await asyncio.create_task(probe()))


asyncio.run(main())
