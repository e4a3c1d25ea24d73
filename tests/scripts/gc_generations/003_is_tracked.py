# Which objects the collector tracks: atoms never; tuples until a collection
# finds they hold only atoms; dicts from their first container value.
import gc

print([gc.is_tracked(x) for x in (1, 2.5, "s", b"b", None, True, 10**30)])
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(lambda: 0))

class C:
    pass

print(gc.is_tracked(C), gc.is_tracked(C()))

t_atoms = tuple([1, "a", 2.5, None])
t_list = tuple([1, []])
t_nested = tuple([1, t_atoms])
t_empty_then = tuple(x for x in [C()])
print(gc.is_tracked(t_atoms), gc.is_tracked(t_list), gc.is_tracked(t_nested))
gc.collect()
print(gc.is_tracked(t_atoms), gc.is_tracked(t_list), gc.is_tracked(t_nested))
gc.collect()
print(gc.is_tracked(t_nested), gc.is_tracked(t_empty_then))

d = {}
print(gc.is_tracked(d))
d["a"] = 1
d[2] = "two"
d[3.0] = t_atoms
print(gc.is_tracked(d))
d["l"] = []
print(gc.is_tracked(d))

print(gc.is_tracked({"x": 1, "y": tuple([1, 2])}), gc.is_tracked({"x": [1]}))
print(gc.is_tracked(dict(a=1)), gc.is_tracked(dict(a=C())))
print(gc.is_tracked(dict.fromkeys("abc")), gc.is_tracked({}.copy()))
e = {"k": 1}
e.update(v=[])
print(gc.is_tracked(e))
f = {"k": 1}
f.setdefault("s", {})
print(gc.is_tracked(f))
g = {i: i for i in range(10)}
print(gc.is_tracked(g))
h = {C(): 1}
print(gc.is_tracked(h))

class D(dict):
    pass

print(gc.is_tracked(D()))

# A full collection untracks a dict whose container values are gone.
k = {"a": 1, "b": []}
del k["b"]
print(gc.is_tracked(k))
gc.collect()
print(gc.is_tracked(k))
