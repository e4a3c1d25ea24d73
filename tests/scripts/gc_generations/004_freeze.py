# gc.freeze moves every tracked object to the permanent generation, which no
# collection looks at; unfreeze brings them back into the oldest generation.
import gc

gc.collect()
print(gc.get_freeze_count())
keep = [[i] for i in range(100)]
gc.freeze()
print(gc.get_freeze_count() >= 100)
print(gc.get_count()[0])
print(len(gc.get_objects(0)) < 50, len(gc.get_objects(2)) < 50)

# A cycle that is frozen is not collected, even by a full collection.
a = []
a.append(a)
gc.freeze()
del a
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
print(len(gc.get_objects(2)) >= 100)
