# The loop's reports on stderr: a Future and a Task whose exception nobody
# retrieved, a pending task that is destroyed, a failing callback, and debug
# mode's slow-callback report (its duration normalised).
import asyncio
import gc
import logging
import re
import sys
import time


class Normalise(logging.Handler):
    def emit(self, record):
        text = re.sub(r"took \d+\.\d+ seconds", "took N seconds", record.getMessage())
        text = re.sub(r" at 0x[0-9a-f]+", "", text)
        text = re.sub(r" created at \S+:\d+", "", text)
        text = re.sub(r" cb=\[[^]]*\]", "", text)
        exc = record.exc_info[1] if record.exc_info else None
        print(record.levelname, text, repr(exc), file=sys.stderr)


async def fails():
    raise ZeroDivisionError("never looked at")


async def waits():
    await asyncio.Event().wait()


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(RuntimeError("future error"))
    del fut
    gc.collect()
    t = asyncio.create_task(fails(), name="failing")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    del t
    gc.collect()
    p = asyncio.create_task(waits(), name="pending")
    await asyncio.sleep(0)
    print("pending task dropped")
    del p
    gc.collect()
    logging.getLogger("asyncio").addHandler(Normalise())
    logging.getLogger("asyncio").propagate = False
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())


def slow():
    time.sleep(0.03)


async def debug_main():
    loop = asyncio.get_running_loop()
    print("debug", loop.get_debug())
    loop.slow_callback_duration = 0.02
    loop.call_soon(slow)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    time.sleep(0.03)
    await asyncio.sleep(0)
    loop.slow_callback_duration = 10


asyncio.run(debug_main(), debug=True)
print("end")
