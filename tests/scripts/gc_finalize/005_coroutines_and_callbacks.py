# Coroutines and async generators in cycles, and gc.callbacks around a
# collection that finalizes.
import gc
import sys
import warnings

gc.collect()
gc.disable()
log = []


class Holder:
    pass


# A coroutine never awaited, kept only by a cycle: the collector warns.
async def job(holder):
    log.append("never runs")


h = Holder()
h.coro = job(h)
del h
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    gc.collect()
print([(w.category.__name__, str(w.message)) for w in caught], log)

# A coroutine suspended in an await, in a cycle: closed, finally runs.
class Pause:
    def __await__(self):
        yield "paused"


async def waiting(holder):
    try:
        await Pause()
    finally:
        log.append("coroutine finally")


h = Holder()
h.coro = waiting(h)
print(h.coro.send(None))
del h
gc.collect()
print(log)
log.clear()


# An async generator with a finalizer hook is handed to the hook.
def finalizer(agen):
    log.append("hook got " + agen.__qualname__)


async def agen(holder):
    try:
        yield 1
    finally:
        log.append("agen finally")


old_hooks = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=None, finalizer=finalizer)
h = Holder()
h.ag = agen(h)
try:
    h.ag.asend(None).send(None)
except StopIteration as e:
    print("yielded", e.value)
del h
gc.collect()
sys.set_asyncgen_hooks(*old_hooks)
print(log)
log.clear()


# gc.callbacks see the collection around the finalizers.
def callback(phase, info):
    log.append(f"{phase} gen={info['generation']}")


def gen(holder):
    try:
        yield
    finally:
        log.append("finally")


gc.callbacks.append(callback)
h = Holder()
h.g = gen(h)
next(h.g)
del h
gc.collect()
gc.callbacks.remove(callback)
print(log)
print(gc.garbage)
gc.enable()
