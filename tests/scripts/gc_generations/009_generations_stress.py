# Building a large structure with the collector on keeps everything alive
# and gives CPython's generation structure: most objects end up old.
import gc

gc.collect()

class Item:
    def __init__(self, i):
        self.i = i
        self.next = None

items = []
prev = None
for i in range(200000):
    it = Item(i)
    it.prev = prev
    prev = it
    items.append(it)
print(len(items), sum(x.i for x in items[:10]), items[-1].prev.i)
print(gc.collect())
gc.collect()
print(gc.get_stats()[0]["collections"] > 100)
print(sum(1 for o in gc.get_objects(2) if type(o) is Item) == 200000)
# Garbage cycles made in bulk are all found.
for i in range(50000):
    a = [i]
    a.append(a)
del a
print(gc.collect() < 5000)
