# Threads blocked in result()/exception()/wait()/as_completed() are woken by
# the thread that completes or cancels the future.
import threading
from concurrent.futures import (FIRST_COMPLETED, CancelledError, Future,
                                as_completed, wait)

outcomes = {}
ready = threading.Semaphore(0)


def blocked(name, call):
    def run():
        ready.release()
        try:
            outcomes[name] = ("returned", call())
        except BaseException as e:
            outcomes[name] = ("raised", type(e).__name__, str(e))

    t = threading.Thread(target=run)
    t.start()
    return t


to_cancel, to_finish, to_fail = Future(), Future(), Future()
threads = [
    blocked("result of cancelled", lambda: to_cancel.result(timeout=30)),
    blocked("exception of cancelled", lambda: to_cancel.exception(timeout=30)),
    blocked("result", lambda: to_finish.result(timeout=30)),
    blocked("exception", lambda: to_fail.exception(timeout=30)),
    blocked("result of failed", lambda: to_fail.result(timeout=30)),
    blocked("wait", lambda: len(wait([to_finish, Future()], timeout=30,
                                     return_when=FIRST_COMPLETED).done)),
    blocked("as_completed", lambda: [f is to_fail for f in as_completed([to_fail], timeout=30)]),
]
for _ in threads:
    ready.acquire()
# The waiters may not be inside their wait yet; whether they are or not,
# the outcome is the same.
to_cancel.cancel()
to_finish.set_result("value")
to_fail.set_exception(ArithmeticError("failed"))
for t in threads:
    t.join()
for name in sorted(outcomes):
    print(name, outcomes[name])


# A subclass's repr appears in messages that show the future.
class Named(Future):
    def __repr__(self):
        return "<Named>"


n = Named()
n.set_result(1)
try:
    n.set_result(2)
except Exception as e:
    print(type(e).__name__, e)

# A callback may add another callback; on a done future it runs at once.
log = []
m = Future()
m.add_done_callback(lambda fut: fut.add_done_callback(lambda f2: log.append("nested")))
m.add_done_callback(lambda fut: log.append("second"))
m.set_result(None)
print(log)

# Leaving an as_completed loop early is fine; the futures stay usable.
a, b = Future(), Future()
a.set_result(1)
for f in as_completed([a, b]):
    break
b.set_result(2)
print(sorted(f.result() for f in as_completed([a, b])))
