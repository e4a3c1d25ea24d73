# The module's names and exception classes.
import builtins
import concurrent.futures as cf
from concurrent.futures import _base

print(cf.__all__)
print(sorted(n for n in dir(cf) if not n.startswith("_")))
print(cf.TimeoutError is builtins.TimeoutError, _base.TimeoutError is TimeoutError)
for cls in (cf.CancelledError, cf.InvalidStateError, cf.BrokenExecutor, _base.Error):
    print(cls.__name__, cls.__module__, [k.__name__ for k in cls.__mro__[1:]])
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
print(_base.PENDING, _base.RUNNING, _base.CANCELLED, _base.CANCELLED_AND_NOTIFIED, _base.FINISHED)
print(cf.Future.__module__, cf.Executor.__module__, cf.ThreadPoolExecutor.__module__)
print(cf.Future[int], cf.Future.__name__)
print(issubclass(cf.ThreadPoolExecutor, cf.Executor))
from concurrent.futures.thread import BrokenThreadPool
print([k.__name__ for k in BrokenThreadPool.__mro__])

# The abstract Executor.
ex = cf.Executor()
try:
    ex.submit(print)
except NotImplementedError as e:
    print("submit:", type(e).__name__, repr(str(e)))
print(ex.shutdown(), ex.shutdown(wait=False, cancel_futures=True))
with cf.Executor() as inside:
    print(type(inside).__name__)

# A missing name is an AttributeError naming the module.
try:
    cf.NoSuchThing
except AttributeError as e:
    print(e)

# Timeouts on a future nobody completes.
f = cf.Future()
for getter in (f.result, f.exception):
    try:
        getter(timeout=0.01)
    except TimeoutError as e:
        print(getter.__name__, type(e).__name__, repr(str(e)), type(e) is TimeoutError)
try:
    f.result(0)
except cf.TimeoutError:
    print("cf.TimeoutError catches it")
