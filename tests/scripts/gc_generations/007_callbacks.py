# gc.callbacks: called with ("start", info) before and ("stop", info) after
# each collection; info has generation, collected and uncollectable.
import gc

gc.collect()
events = []

def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"], sorted(info)))

gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect(1)
gc.callbacks.remove(cb)
for e in events:
    print(e)
gc.collect()
print(len(events))

# gc.collect() inside a callback does nothing (no nested collection).
inner = []
def nested(phase, info):
    inner.append(gc.collect())
gc.callbacks.append(nested)
gc.collect()
gc.callbacks.remove(nested)
print(inner)

# Objects created in a callback are ordinary objects: a cycle made in the
# "stop" phase is found by the next collection.
def make_cycle(phase, info):
    if phase == "stop":
        c = {}
        c["c"] = c
gc.callbacks.append(make_cycle)
gc.collect()
gc.callbacks.remove(make_cycle)
print(gc.collect())
