# A replaced builtins.__import__ sees every import statement, with CPython's
# arguments (name, globals, locals or None, fromlist, level); putting the
# original back restores the plain path; a namespace whose __builtins__ has
# no __import__ cannot import.
import builtins
import threading

original = builtins.__import__
seen = []


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    # Only this script's own imports: what library modules import inside
    # themselves differs between implementations.
    if globals is None or globals.get("__name__", "__main__") == "__main__":
        seen.append((name, type(globals).__name__, locals is None, fromlist, level))
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = hook
try:
    import json
    import os.path
    from collections import OrderedDict, deque
    from os import path as p

    def inside_function():
        import string
        return string.digits

    inside_function()
    exec("import math", {})
finally:
    builtins.__import__ = original
for entry in seen:
    print(entry)
seen.clear()
import heapq
print("after restoring:", seen, heapq.__name__)


def refusing(name, *args):
    if name == "forbidden_module":
        raise ImportError("blocked by the hook: " + name)
    return original(name, *args)


builtins.__import__ = refusing
try:
    import forbidden_module
except ImportError as e:
    print("ImportError", e)
finally:
    builtins.__import__ = original


def fake(name, *args):
    return "fake module for " + name


builtins.__import__ = fake
try:
    import anything
    try:
        from somewhere import upper
        print("from-import found:", upper())
        from somewhere import thing
    except ImportError as e:
        print("ImportError", e)
finally:
    builtins.__import__ = original
print(anything)

for namespace in [{"__builtins__": {}}, {"__builtins__": {"__import__": fake}}]:
    try:
        exec("import sys\nresult = sys", namespace)
        print("imported:", namespace["result"])
    except ImportError as e:
        print("ImportError", e)


def counting(name, *args):
    if name == "math":
        counting.calls += 1
    return original(name, *args)


counting.calls = 0
builtins.__import__ = counting
try:
    def worker():
        import math
        return math.pi

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
finally:
    builtins.__import__ = original
print("imports seen from threads:", counting.calls)
