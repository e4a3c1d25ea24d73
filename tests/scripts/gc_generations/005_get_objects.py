# get_objects(generation) lists the objects of that generation; objects move
# to the next generation when they survive a collection.
import gc

gc.collect()

def where(obj):
    return [any(o is obj for o in gc.get_objects(g)) for g in range(3)]

x = [1, 2]
print(where(x))
gc.collect(0)
print(where(x))
gc.collect(0)
print(where(x))
gc.collect(1)
print(where(x))
gc.collect(1)
print(where(x))
y = [x]
gc.collect()
print(where(x), where(y))
print(any(o is x for o in gc.get_objects()))
# Untracked objects are in no generation.
t = tuple([1, 2])
gc.collect()
print(where(t))
print(gc.get_referents([1, "a", x]) == [1, "a", x] or len(gc.get_referents([x])))
