import json
text = '{"users": [{"id": 1, "name": "Ann", "tags": ["a", "b"]}, {"id": 2, "name": "B\\u00f6b", "tags": []}], "total": 2, "ratio": 0.5, "active": true, "extra": null}'
obj = json.loads(text)
print(obj)
print(obj["users"][1]["name"], type(obj["ratio"]).__name__, obj["active"], obj["extra"])
print(json.loads("[1, 2.5, -3e2, \"s\", false]"), json.loads("123"), json.loads('"str"'), json.loads(" null "))
print(json.loads(json.dumps(obj)) == obj)
print(json.loads('{"a": {"b": {"c": [[], {}]}}}'))
print(json.loads("12345678901234567890"), json.loads("1.0"), json.loads('"\\n\\t\\\\"'))
