# json.dumps / json.loads of a mixed structure (nested dicts and lists of
# ints, floats, strs with escapes and non-ASCII text, booleans and None),
# compact and indented. Prints lengths and a checksum of what came back.
import json


def make(n):
    return {
        "ints": list(range(n)),
        "floats": [i * 0.125 - 3.5 for i in range(n)],
        "strs": ["name %d \"quoted\"\ttab é ü %d" % (i, i * 7) for i in range(n)],
        "flags": [i % 3 == 0 for i in range(n)],
        "none": [None] * (n // 10),
        "records": [{"id": i, "name": "user%d" % i, "score": i / 7, "tags": ["a", "b", str(i)],
                     "active": i % 2 == 0, "parent": None} for i in range(n // 4)],
        "nested": {"k%d" % i: {"v": [i, [i + 1, {"deep": "x" * (i % 5)}]]} for i in range(n // 10)},
    }


data = make(3000)
total = 0
for _ in range(15):
    text = json.dumps(data)
    back = json.loads(text)
    total += len(text) + len(back["ints"]) + len(back["records"])
pretty = json.dumps(data, indent=2, sort_keys=True)
again = json.loads(pretty)
print(total, len(pretty), again == back, sum(again["ints"]), again["records"][5])
