# atexit: callbacks run last-registered first after the main module and the
# non-daemon threads finish, with their arguments; unregister removes every
# registration; a failing callback is reported and the others still run.
# errno: names, aliases and errorcode as CPython has them on Linux.
import atexit
import errno
import threading


class Failing:
    def __repr__(self):
        return "<Failing callback>"

    def __call__(self):
        raise ValueError("callback failed")


def goodbye(name, punctuation="!"):
    print(f"goodbye {name}{punctuation}")


def never():
    print("never printed")


@atexit.register
def decorated():
    print("decorated runs last")


atexit.register(goodbye, "world", punctuation=".")
atexit.register(never)
atexit.register(Failing())
atexit.register(never)
atexit.unregister(never)
atexit.register(goodbye, "again")
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError:", e)

done = threading.Event()


def worker():
    done.wait()
    print("worker finished before the callbacks")


threading.Thread(target=worker).start()

# errno
print(errno.ENOENT, errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN])
print(errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(len(errno.errorcode), sorted(errno.errorcode.values()) == sorted(set(errno.errorcode.values())))
print(sorted(errno.errorcode.values())[:8])
try:
    open("/nonexistent/file")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
print("main done")
done.set()
