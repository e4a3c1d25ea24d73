# Future: states, results, exceptions, callbacks and their errors.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled(), f._state, repr(f))
    for call in (f.result, f.exception):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    seen = []
    f.add_done_callback(lambda fut: seen.append(("a", fut.result())))
    f.add_done_callback(lambda fut: seen.append(("b", fut.result())))
    f.set_result(5)
    print(f.done(), f.result(), f.exception(), repr(f))
    try:
        f.set_result(6)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(seen)
    await asyncio.sleep(0)
    print(seen)

    g = loop.create_future()
    g.set_exception(ValueError("bad"))
    print(repr(g), type(g.exception()).__name__)
    try:
        g.result()
    except ValueError as e:
        print("raised", e)
    h = loop.create_future()
    h.set_exception(KeyError)
    print(repr(h.exception()))
    try:
        loop.create_future().set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)

    c = loop.create_future()
    print(c.cancel("why"), c.cancel(), c.cancelled(), c.done(), repr(c))
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)

    r = loop.create_future()
    def cb(fut):
        seen.append("removed")
    r.add_done_callback(cb)
    r.add_done_callback(cb)
    print(r.remove_done_callback(cb), r.remove_done_callback(cb))
    r.set_result(None)
    await asyncio.sleep(0)
    print("removed" in seen)
    print(await r, r.get_loop() is loop)
    print(isinstance(r, asyncio.Future), asyncio.isfuture(r), asyncio.isfuture(5))


asyncio.run(main())
