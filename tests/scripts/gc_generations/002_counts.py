# Collecting a generation resets its count and the younger ones' and counts
# one collection in the next older generation; get_stats counts collections.
import gc

gc.collect()
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect(2)
print(gc.get_count())

before = [s["collections"] for s in gc.get_stats()]
gc.collect(0)
gc.collect(1)
gc.collect(1)
gc.collect()
after = [s["collections"] for s in gc.get_stats()]
print([a - b for a, b in zip(after, before)])

# Allocating containers raises the generation 0 count; freeing lowers it.
gc.disable()
gc.collect()
keep = [[] for _ in range(50)]
n = gc.get_count()[0]
print(n >= 50)
del keep
gc.enable()

# An automatic collection happens once generation 0 passes its threshold.
gc.set_threshold(100, 10, 10)
gc.collect()
young = gc.get_stats()[0]["collections"]
junk = [[] for _ in range(1000)]
print(gc.get_stats()[0]["collections"] > young)
gc.set_threshold(700, 10, 10)
