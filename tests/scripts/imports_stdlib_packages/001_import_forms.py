# The standard library's packages import like packages: dotted imports,
# from-imports of submodules, __package__/__path__, and missing submodules.
import sys

import concurrent.futures
print(type(concurrent).__name__, type(concurrent.futures).__name__)
print(concurrent.__name__, concurrent.__package__, isinstance(concurrent.__path__, list))
print(concurrent.futures.__name__, concurrent.futures.__package__)
print(concurrent.futures is sys.modules["concurrent.futures"], "concurrent" in sys.modules)
print("concurrent.futures._base" in sys.modules)

from concurrent import futures
print(futures is concurrent.futures)

from concurrent.futures import _base, thread
print(_base.__name__, _base.__package__, hasattr(_base, "__path__"))
print(thread.__name__, concurrent.futures.thread is thread)

import concurrent.futures._base as base_alias
print(base_alias is _base)

import importlib
print(importlib.import_module("concurrent.futures.thread") is thread)
print(importlib.import_module(".futures", "concurrent") is futures)
print(importlib.import_module("._base", "concurrent.futures") is _base)

# The package's names come from its submodules.
print(concurrent.futures.Future is _base.Future)
print(concurrent.futures.ThreadPoolExecutor is thread.ThreadPoolExecutor)

for name in ("concurrent.nothing_here", "concurrent.futures.nothing_here"):
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)

try:
    from concurrent.futures import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])

try:
    import concurrent.futures._base.deeper
except ModuleNotFoundError as e:
    print(e)
