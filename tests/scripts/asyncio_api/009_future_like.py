# A task awaits any future-like object (one with _asyncio_future_blocking and
# add_done_callback), as CPython's duck typing allows.
import asyncio


class Duck:
    _asyncio_future_blocking = False

    def __init__(self, loop):
        self._loop = loop
        self._callbacks = []
        self._done = False
        self._result = None
        self._exc = None

    def get_loop(self):
        return self._loop

    def add_done_callback(self, fn, *, context=None):
        self._callbacks.append(fn)

    def cancel(self, msg=None):
        self.set_exception(asyncio.CancelledError(msg))
        return True

    def done(self):
        return self._done

    def result(self):
        if self._exc is not None:
            raise self._exc
        return self._result

    def _finish(self):
        self._done = True
        for fn in self._callbacks:
            self._loop.call_soon(fn, self)

    def set_result(self, value):
        self._result = value
        self._finish()

    def set_exception(self, exc):
        self._exc = exc
        self._finish()

    def __await__(self):
        if not self._done:
            self._asyncio_future_blocking = True
            yield self
        return self.result()


async def main():
    loop = asyncio.get_running_loop()
    d = Duck(loop)
    loop.call_later(0.01, d.set_result, "duck result")
    print(await d)
    d2 = Duck(loop)
    loop.call_soon(d2.set_exception, KeyError("duck error"))
    try:
        await d2
    except KeyError as e:
        print("raised", repr(e))
    d3 = Duck(loop)

    async def waiter():
        return await d3

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("waiting on duck", t._fut_waiter is d3)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", t.cancelled())

    class Bad:
        def __await__(self):
            yield "not a future"

    try:
        await Bad()
    except RuntimeError as e:
        print("RuntimeError", str(e)[:30])
    other = asyncio.new_event_loop()
    d4 = Duck(other)

    async def wrong_loop():
        await d4

    try:
        await asyncio.create_task(wrong_loop())
    except RuntimeError as e:
        print("RuntimeError", "attached to a different loop" in str(e))
    other.close()


asyncio.run(main())
