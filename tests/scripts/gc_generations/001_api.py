# The gc module's generational API: thresholds, counts, stats, argument errors.
import gc

print(gc.isenabled())
print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500, 5, 7)
print(gc.get_threshold())
gc.set_threshold(900)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

for args in [(), (1, 2, 3, 4), ("x",)]:
    try:
        gc.set_threshold(*args)
    except TypeError as e:
        print("TypeError", e)

for g in (-1, 3, 10):
    try:
        gc.collect(g)
    except ValueError as e:
        print("ValueError", e)

for g in (-2, 3):
    try:
        gc.get_objects(g)
    except ValueError as e:
        print("ValueError", e)

stats = gc.get_stats()
print(type(stats).__name__, len(stats))
for s in stats:
    print(sorted(s), all(isinstance(v, int) and v >= 0 for v in s.values()))

print(type(gc.get_count()).__name__, len(gc.get_count()))
print(type(gc.callbacks).__name__, type(gc.garbage).__name__)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
