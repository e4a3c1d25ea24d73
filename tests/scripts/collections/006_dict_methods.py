d = {"x": 1, "y": 2, "z": 3}
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("y"), d.pop("nope", "dflt"), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
print(d.setdefault("x", 100), d.setdefault("w", 4), d)
d.update({"a": 9}, b=8)
d.update([("c", 7)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["new"] = 1
print(len(d), len(c))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
d.clear()
print(d, bool(d))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
m = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(m)
m |= {"d": 5}
print(m)
print(list(reversed({"a": 1, "b": 2})))
