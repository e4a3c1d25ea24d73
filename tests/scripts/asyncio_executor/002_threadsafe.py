# call_soon_threadsafe wakes a loop blocked in its selector;
# run_coroutine_threadsafe submits to a loop running in another thread;
# wrap_future adapts a concurrent.futures.Future.
import asyncio
import concurrent.futures
import threading


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def from_thread():
        loop.call_soon_threadsafe(fut.set_result, "set from a thread")

    t = threading.Thread(target=from_thread)
    t.start()
    print(await fut)
    t.join()

    cf = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(cf)
    print(asyncio.wrap_future(wrapped) is wrapped)
    threading.Thread(target=cf.set_result, args=(99,)).start()
    print(await wrapped)
    cf2 = concurrent.futures.Future()
    w2 = asyncio.wrap_future(cf2)
    w2.cancel()
    await asyncio.sleep(0)
    print(cf2.cancelled())
    cf3 = concurrent.futures.Future()
    w3 = asyncio.wrap_future(cf3)
    threading.Thread(target=cf3.set_exception, args=(ValueError("in thread"),)).start()
    try:
        await w3
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.wrap_future(5)
    except AssertionError as e:
        print("AssertionError")


asyncio.run(main())

# A loop in a background thread, fed from the main thread.
loop = asyncio.new_event_loop()
ready = threading.Event()


def run_loop():
    asyncio.set_event_loop(loop)
    loop.call_soon(ready.set)
    loop.run_forever()


thread = threading.Thread(target=run_loop)
thread.start()
ready.wait()


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b


async def explode():
    raise KeyError("remote")


print(asyncio.run_coroutine_threadsafe(add(2, 3), loop).result(timeout=5))
try:
    asyncio.run_coroutine_threadsafe(explode(), loop).result(timeout=5)
except KeyError as e:
    print("KeyError:", e)
slow = asyncio.run_coroutine_threadsafe(asyncio.sleep(10), loop)
slow.cancel()
try:
    slow.result(timeout=5)
except concurrent.futures.CancelledError:
    print("cancelled from the main thread")
try:
    asyncio.run_coroutine_threadsafe(5, loop)
except TypeError as e:
    print("TypeError:", e)
results = [asyncio.run_coroutine_threadsafe(add(i, i), loop) for i in range(20)]
print(sum(f.result(timeout=5) for f in results))
loop.call_soon_threadsafe(loop.stop)
thread.join()
loop.close()
print("closed", loop.is_closed())
