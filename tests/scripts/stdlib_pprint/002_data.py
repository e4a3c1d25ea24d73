# pprint of JSON-like data at several widths, depths and indents; long strings; tiny widths.
import pprint, json
data = {"users": [{"id": i, "name": "user%d" % i, "roles": ["admin", "dev"][: i % 3], "meta": {"score": i * 1.5, "tags": list("abc")[: i]}} for i in range(6)],
        "config": {"debug": True, "paths": ["/usr/local/bin/" + "x" * 30, "/opt/" + "y" * 60], "limits": (1, 2, 3) * 10}, "empty": {}, "none": None}
pprint.pprint(data)
pprint.pprint(data, width=120, compact=True)
pprint.pprint(data, depth=2)
pprint.pprint(data, indent=4, width=50, sort_dicts=False)
print(pprint.pformat("x" * 200, width=40))
print(pprint.pformat(["word " * 30], width=30))
pprint.pprint(list(range(100)), compact=True)
pprint.pprint((1,), width=1)
pprint.pprint([[]], width=1)
pprint.pprint({"a": (1, 2, [3, {"b": "c" * 50}])}, width=20)
