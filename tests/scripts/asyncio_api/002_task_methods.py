# Every Task method the asyncio issue lists.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")


async def sleeper(ev):
    await ev.wait()
    return "slept"


async def failing():
    await asyncio.sleep(0)
    raise KeyError("k")


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(sleeper(ev), name="first")
    print(t.get_name(), t.done(), t.cancelled())
    t.set_name(42)
    print(repr(t.get_name()))
    print(t.get_coro().__name__, type(t.get_coro()).__name__)
    calls = []
    cb = lambda f: calls.append(("cb", f.result()))
    t.add_done_callback(cb)
    t.add_done_callback(lambda f: calls.append("other"))
    print("removed", t.remove_done_callback(cb))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    ev.set()
    print(await t, t.done(), t.result(), t.exception())
    await asyncio.sleep(0)
    print(calls)

    t2 = asyncio.create_task(failing())
    await asyncio.wait([t2])
    print(type(t2.exception()).__name__, t2.exception())
    try:
        t2.result()
    except KeyError as e:
        print("result raised", repr(e))

    t3 = asyncio.create_task(sleeper(asyncio.Event()))
    await asyncio.sleep(0)
    print("cancelling before", t3.cancelling())
    print("cancel", t3.cancel("why"), t3.cancelling())
    print("cancel again", t3.cancel("again"), t3.cancelling())
    print("uncancel", t3.uncancel(), t3.cancelling())
    try:
        await t3
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    print(t3.cancelled(), t3.done(), t3.cancel())
    try:
        t3.result()
    except asyncio.CancelledError as e:
        print("result ->", type(e).__name__, e.args)
    try:
        t3.exception()
    except asyncio.CancelledError as e:
        print("exception ->", type(e).__name__)

    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")

    async def read_var():
        return var.get()

    t4 = asyncio.create_task(read_var(), context=ctx)
    print("context", await t4)
    print("current", asyncio.current_task().get_name())
    print("all_tasks", len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    print(asyncio.isfuture(t4), asyncio.iscoroutine(t4.get_coro()))
    try:
        t4.set_result(1)
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        t4.set_exception(ValueError())
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        asyncio.Task(42)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
