"""The coroutine side of async host functions (gilt.hpp, Host::def_async).

A call of an async host function returns run(token). Each turn of its loop
switches into the host function's fiber (step) and gets back what the fiber
wants next: its result, or a thing to await on the event loop. The outcome
of that await travels back into the fiber at the next step; an exception
(CancelledError included) is thrown there at the C++ await point.

The host sets `step` and `close` (native functions) when it first registers
an async function.
"""
import asyncio

DONE = 0
AWAIT = 1
SLEEP = 2
READABLE = 3
WRITABLE = 4

step = None
close = None


async def _fd_ready(fd, for_writing):
    loop = asyncio.get_running_loop()
    waiter = loop.create_future()

    def wake():
        if not waiter.done():
            waiter.set_result(None)

    watch = loop.add_writer if for_writing else loop.add_reader
    unwatch = loop.remove_writer if for_writing else loop.remove_reader
    watch(fd, wake)
    try:
        await waiter
    finally:
        unwatch(fd)


async def _outcome(request, payload):
    if request == AWAIT:
        return await payload
    if request == SLEEP:
        return await asyncio.sleep(payload)
    return await _fd_ready(payload, request == WRITABLE)


async def run(token):
    sent = None
    thrown = None
    try:
        while True:
            request, payload = step(token, sent, thrown)
            if request == DONE:
                return payload
            sent = thrown = None
            try:
                sent = await _outcome(request, payload)
            except GeneratorExit:
                raise
            except BaseException as exc:
                thrown = exc
            payload = None
    finally:
        # Unwinds the fiber if it still waits (closed coroutine).
        close(token)
