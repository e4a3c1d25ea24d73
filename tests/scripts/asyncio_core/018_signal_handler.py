# loop.add_signal_handler runs its callback from the loop; remove puts the
# default back.
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, got.set_result, "SIGUSR1 handled")
    loop.call_later(0.01, os.kill, os.getpid(), signal.SIGUSR1)
    print(await got)
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
    for bad in ("x", 0):
        try:
            loop.add_signal_handler(bad, print)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
