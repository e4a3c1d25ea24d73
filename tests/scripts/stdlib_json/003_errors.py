import json
for bad in ['{"a": }', "[1, 2", "", "{'single': 1}", "tru", "[1,]"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, e.pos)
    except ValueError as e:
        print("ValueError:", e)
print(issubclass(json.JSONDecodeError, ValueError))
