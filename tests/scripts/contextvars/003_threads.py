# Every thread starts in a new empty context; Context.run carries one over.
import threading
from contextvars import ContextVar, copy_context

v = ContextVar("v", default="default")
v.set("main")
results = {}


def worker(name):
    results[name] = v.get()
    v.set(name)
    results[name + "-after"] = v.get()


t = threading.Thread(target=worker, args=("plain",))
t.start()
t.join()
ctx = copy_context()
t = threading.Thread(target=ctx.run, args=(worker, "in-ctx"))
t.start()
t.join()
for k in sorted(results):
    print(k, results[k])
print("main", v.get(), "ctx", ctx[v])
