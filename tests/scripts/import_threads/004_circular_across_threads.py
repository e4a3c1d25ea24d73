# Thread A imports cyc_a, which imports cyc_b; thread B imports cyc_b, which
# imports cyc_a. Each body waits until the other has started, so both
# modules are mid-import when they ask for each other. Waiting would be a
# deadlock: one thread gets the partially initialised module and goes on,
# the other waits for it and gets the complete one.
import sys
import threading

errors = []


def importer(name):
    try:
        __import__(name)
    except Exception as exc:
        errors.append(f"{name}: {type(exc).__name__}: {exc}")


threads = [threading.Thread(target=importer, args=(n,)) for n in ("cyc_a", "cyc_b")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
a, b = sys.modules["cyc_a"], sys.modules["cyc_b"]
print("done:", a.done, b.done)
print("saw complete:", sorted([a.saw_complete, b.saw_complete]))
