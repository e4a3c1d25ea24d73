# Ctrl-C during asyncio.run: the first SIGINT cancels the main task, which
# then ends as KeyboardInterrupt; cleanup code in the task still runs.
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.02, os.kill, os.getpid(), signal.SIGINT)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main task cancelled by Ctrl-C")
        raise
    finally:
        print("cleanup runs")


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt reached the caller")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
