# Done callbacks: order, the argument, callbacks added after completion,
# cancellation, and exceptions from callbacks (logged, not raised).
import io
import sys
from concurrent.futures import Future

calls = []


def record(tag):
    def callback(fut):
        calls.append((tag, fut is f, fut.done()))

    return callback


f = Future()
f.add_done_callback(record("a"))
f.add_done_callback(record("b"))
print(calls)
f.set_result(1)
print(calls)
f.add_done_callback(record("late"))  # runs at once
print(calls[-1])

c = Future()
seen = []
c.add_done_callback(lambda fut: seen.append(("cancelled", fut.cancelled())))
c.cancel()
print(seen)
c.set_running_or_notify_cancel()
print(seen)  # not called twice

x = Future()
x.add_done_callback(lambda fut: seen.append(("exception", type(fut.exception()).__name__)))
x.set_exception(ZeroDivisionError("z"))
print(seen[-1])


# An exception in a callback is logged on stderr and the other callbacks
# still run; set_result() itself succeeds.
def broken(fut):
    raise ValueError("callback failed")


captured = io.StringIO()
saved, sys.stderr = sys.stderr, captured
try:
    g = Future()
    g.add_done_callback(broken)
    g.add_done_callback(lambda fut: print("second callback ran"))
    g.set_result("ok")
    print("set_result returned")
    g.add_done_callback(broken)  # on a finished future: logged too
finally:
    sys.stderr = saved
lines = captured.getvalue().splitlines()
heads = [line.split(" at ")[0] for line in lines if line.startswith("exception calling")]
print(heads)
print([line for line in lines if line.startswith("Traceback")])
print([line for line in lines if line.startswith("ValueError")])

# A callback that raises a BaseException that is not an Exception is not
# swallowed.
k = Future()
k.add_done_callback(lambda fut: sys.exit(3))
try:
    k.set_result(0)
except SystemExit as e:
    print("SystemExit escaped:", e.code, k.done())
