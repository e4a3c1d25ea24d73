# Events that let a test hold a module body in the middle of its import:
# the body calls pause(__name__), the test waits for started(name) and later
# calls release(name).
import threading

_started = {}
_released = {}
runs = {}


def _event(table, name):
    event = table.get(name)
    if event is None:
        event = table[name] = threading.Event()
    return event


def pause(name):
    runs[name] = runs.get(name, 0) + 1
    _event(_started, name).set()
    _event(_released, name).wait()


def started(name):
    return _event(_started, name)


def release(name):
    _event(_released, name).set()
