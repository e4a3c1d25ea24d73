# A worker killed mid-task breaks the pool: every pending future fails, nothing hangs.
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def die(sig):
    os.kill(os.getpid(), sig)


def square(x):
    return x * x


if __name__ == "__main__":
    for sig in (signal.SIGKILL, signal.SIGTERM):
        ex = ProcessPoolExecutor(2)
        # The dying call goes last: a submit after the death would itself
        # raise BrokenProcessPool, at a moment that depends on timing.
        futures = [ex.submit(square, i) for i in range(10)] + [ex.submit(die, sig)]
        errors = 0
        for f in futures:
            try:
                f.result(timeout=60)
            except BrokenProcessPool as e:
                errors += 1
                message = str(e)
        print({signal.SIGKILL: "SIGKILL", signal.SIGTERM: "SIGTERM"}[sig], errors >= 1, message)
        try:
            ex.submit(square, 1)
        except BrokenProcessPool as e:
            print("submit:", e)
        ex.shutdown()
    with ProcessPoolExecutor(1) as ex:
        try:
            list(ex.map(os._exit, [7]))
        except BrokenProcessPool as e:
            print("os._exit:", type(e).__name__)
