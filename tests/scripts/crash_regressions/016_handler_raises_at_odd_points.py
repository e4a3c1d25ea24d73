# A signal handler that raises, with the signal sent by the script itself
# from odd places: inside a sort key, a dict lookup's __eq__, a generator's
# finally run by close(), a with-statement's __exit__, a comprehension.
# os.kill() to this process runs the handler before
# it returns (as CPython checks at once), so the exception comes out of the
# place that sent it; before, it surfaced at some later function entry,
# outside the try meant to catch it.
import os
import signal


def handler(signum, frame):
    raise RuntimeError("from the handler")


signal.signal(signal.SIGUSR1, handler)


def kill_self():
    os.kill(os.getpid(), signal.SIGUSR1)


def key(x):
    if x == 5:
        kill_self()
    return x


try:
    sorted(range(10), key=key)
except RuntimeError as e:
    print("sort key:", e)


class Key:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        kill_self()
        return True


d = {Key(): 1}
try:
    d[Key()]
except RuntimeError as e:
    print("dict __eq__:", e)


def gen():
    try:
        yield 1
    finally:
        kill_self()


it = gen()
next(it)
try:
    it.close()
except RuntimeError as e:
    print("generator close:", e)


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        kill_self()


try:
    with Manager():
        pass
except RuntimeError as e:
    print("__exit__:", e)

try:
    [kill_self() for _ in range(3)]
except RuntimeError as e:
    print("comprehension:", e)

signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print("done")
