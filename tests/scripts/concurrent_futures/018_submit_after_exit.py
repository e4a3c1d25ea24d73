# Once the interpreter has begun to exit (threads joined), executors refuse
# new work; atexit callbacks run after that point.
import atexit
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(max_workers=1)


def at_exit():
    try:
        ex.submit(print, "never printed")
    except RuntimeError as e:
        print("RuntimeError:", e)


atexit.register(at_exit)
print(ex.submit(pow, 2, 3).result())
