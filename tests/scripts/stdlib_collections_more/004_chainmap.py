# ChainMap: lookups through the maps, writes to the first one.
from collections import ChainMap, defaultdict

base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm, cm["a"], cm["b"], cm.get("zz"), cm.get("c", 0), len(cm), list(cm))
print("a" in cm, "q" in cm, bool(cm), bool(ChainMap()), bool(ChainMap({}, {})))
print(ChainMap(), ChainMap().maps)
try:
    cm["zz"]
except KeyError as e:
    print("KeyError", e)

cm["a"] = 100
print(over, base)
del cm["a"]
print(over)
for action in (lambda: cm.__delitem__("a"), lambda: cm.pop("a"),
               lambda: ChainMap({}, {"k": 1}).popitem()):
    try:
        action()
    except KeyError as e:
        print("KeyError", e)
print(cm.pop("a", "default"), cm.pop("c"), over)
cm.clear()
print(cm, base)

child = cm.new_child()
child["n"] = 1
print(child, child.parents, child.parents.parents)
print(cm.new_child({"m": 1}, k=2), cm.new_child(k=3))

copied = ChainMap({"x": [1]}, base).copy()
print(copied, copied.maps[1] is base)
print(ChainMap.fromkeys("ab"), ChainMap.fromkeys("ab", 7))

left = ChainMap({"a": 1}, {"b": 2})
print(left | {"c": 3}, {"c": 3, "a": 0} | left, left)
left |= {"z": 26}
print(left)
try:
    left | [1]
except TypeError as e:
    print("TypeError", e)

d = defaultdict(lambda: "dflt")
print(ChainMap({}, d)["anything"])


class Missing(ChainMap):
    def __missing__(self, key):
        return "missing:" + key


mm = Missing({"a": 1})
print(mm["zz"], mm.get("zz", "g"), mm["a"])

loop = ChainMap()
loop.maps.append(loop)
print(loop)
