d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(len(k), list(v), ("d", 4) in it, "a" in k, 3 in v)
print(k & {"a", "zz"}, sorted(k | {"q"}), sorted(k - {"a"}), k ^ {"a", "q"} == {"b", "c", "d", "q"})
print(sorted(it & {("a", 1), ("b", 5)}))
for key, val in d.items():
    print(key, val)
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(d))
print(d.keys() == {"a", "b", "c", "d", "aa"}, type(k).__name__, type(v).__name__, type(it).__name__)
