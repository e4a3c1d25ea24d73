d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d), d["a"])
del d["a"]
d["a"] = "re-added"
print(d)
print(d.get("zz"), d.get("zz", 0), "c" in d, "zz" not in d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, extra=2), dict(zip("ab", range(2))))
print({i: i * i for i in range(5)}, {k: v for k, v in [("a", 1)]})
print({1: "int", 1.0: "float", (1, 2): "tuple", None: "none", "s": "str"})
e = {}
for ch in "hello":
    e[ch] = e.get(ch, 0) + 1
print(e)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {} == dict())
d2 = {x: [] for x in "ab"}
d2["a"].append(1)
print(d2)
