"""What the native driver of async host functions (gilt.hpp,
Host::def_async) takes from Python: asyncio.sleep for cx.sleep(d > 0), a
coroutine that waits for a descriptor for cx.wait_readable/wait_writable,
and the registration of its coroutine type as a Coroutine, so that
asyncio.iscoroutine() and ensure_future() accept a call's result.
"""
import asyncio
import collections.abc

sleep = asyncio.sleep


def register(coroutine_type):
    collections.abc.Coroutine.register(coroutine_type)


async def fd_ready(fd, for_writing):
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
