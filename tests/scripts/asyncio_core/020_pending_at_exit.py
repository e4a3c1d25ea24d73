# A pending task left in a cycle when the program ends is reported as
# destroyed while pending, after the last line runs, and the exit is clean.
import asyncio

loop = asyncio.new_event_loop()
loop.set_exception_handler(lambda loop, context: print(context["message"], sorted(context)))


async def forever():
    await asyncio.sleep(100)


t = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0.01))
loop.close()
del t
print("end of program")
