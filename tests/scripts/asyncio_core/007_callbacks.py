# call_soon, call_later and call_at: FIFO order, deadlines, cancelled
# handles, arguments, context=, and the checks on what may be scheduled.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


async def main():
    loop = asyncio.get_running_loop()
    order = []
    done = loop.create_future()
    loop.call_later(0.03, order.append, "later 0.03")
    loop.call_later(0.01, order.append, "later 0.01")
    h = loop.call_later(0.02, order.append, "cancelled")
    print(type(h).__name__, h.cancelled(), h.when() > loop.time())
    h.cancel()
    print(h.cancelled())
    loop.call_at(loop.time() + 0.02, order.append, "at 0.02")
    for i in range(3):
        loop.call_soon(order.append, f"soon {i}")
    h2 = loop.call_soon(order.append, "never")
    h2.cancel()
    loop.call_later(0.05, done.set_result, None)
    await done
    print(order)

    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    got = []
    loop.call_soon(lambda: got.append(var.get()), context=ctx)
    loop.call_soon(lambda: got.append(var.get()))
    await asyncio.sleep(0)
    print(got)

    try:
        loop.call_later(None, print)
    except TypeError as e:
        print("TypeError:", e)
    print(loop.is_running(), loop.is_closed(), loop.time() > 0)


asyncio.run(main())
loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed())
loop.call_soon(print, "run by run_until_complete")
print(loop.run_until_complete(asyncio.sleep(0.01, "result")))
loop.call_soon(loop.stop)
loop.call_soon(print, "before stop")
loop.run_forever()
loop.close()
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
