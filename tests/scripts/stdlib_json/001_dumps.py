import json
data = {"name": "gilt", "version": [0, 1, 0], "ok": True, "none": None, "pi": 3.14, "nested": {"b": 1, "a": [1, {"x": "y"}]}}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps({"a": 1}, separators=(",", ": ")))
print(json.dumps("é€\n\"quoted\""), json.dumps("é", ensure_ascii=False))
print(json.dumps(1e100), json.dumps(2 ** 70), json.dumps((1, 2)), json.dumps([]), json.dumps({}))
print(json.dumps({1: "int key", True: "bool key"}))
print(json.dumps([float("inf"), float("nan")]))
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"a": [1, 2]}, indent=4))
