# asyncio.run and Runner: results, errors, reuse, nesting refusals, the
# cancelling of leftover tasks at the end, and loops from get_event_loop.
import asyncio


async def answer(x=42):
    await asyncio.sleep(0)
    return x


async def leftover(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("leftover cancelled at shutdown")
        raise


async def leaves_one(log):
    asyncio.create_task(leftover(log))
    await asyncio.sleep(0)
    return "main done"


async def nested():
    coro = answer()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    loop = asyncio.get_running_loop()
    coro = answer()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(asyncio.get_event_loop() is loop)


log = []
print(asyncio.run(leaves_one(log)), log)
asyncio.run(nested())
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)

with asyncio.Runner() as runner:
    print(runner.run(answer(1)), runner.run(answer(2)))
    loop = runner.get_loop()
    print(type(loop).__name__, loop.is_closed())
print(loop.is_closed())
coro = answer()
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()

async def boom():
    raise KeyError("inside")

try:
    asyncio.run(boom())
except KeyError as e:
    print("KeyError", e)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
print(loop.run_until_complete(answer(3)))
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, "from a future")
print(loop.run_until_complete(fut))
loop.close()
asyncio.set_event_loop(None)
