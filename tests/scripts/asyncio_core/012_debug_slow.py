# Debug mode: a callback or task step that blocks the loop longer than
# slow_callback_duration is reported on the 'asyncio' logger.
import asyncio
import logging
import re
import time


class Show(logging.Handler):
    def emit(self, record):
        text = re.sub(r"took \d+\.\d+ seconds", "took N seconds", record.getMessage())
        print(record.levelname, text.split(" at ")[0] if "Handle" in text else text[:25],
              text[-14:])


logging.getLogger("asyncio").addHandler(Show())
logging.getLogger("asyncio").propagate = False


def slow_callback():
    time.sleep(0.06)


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), loop.slow_callback_duration)
    loop.slow_callback_duration = 0.05
    loop.call_soon(slow_callback)
    await asyncio.sleep(0.01)
    time.sleep(0.06)
    await asyncio.sleep(0)
    loop.slow_callback_duration = 1
    time.sleep(0.01)
    print("end")


asyncio.run(main(), debug=True)
loop = asyncio.new_event_loop()
print(loop.get_debug())
loop.set_debug(True)
print(loop.get_debug(), repr(loop))
loop.close()
