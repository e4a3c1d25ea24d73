data = {
    "users": [
        {"name": "ann", "tags": ["admin", "dev"], "age": 31},
        {"name": "bob", "tags": [], "age": 25},
        {"name": "cy", "tags": ["dev"], "age": 40},
    ],
    "meta": {"count": 3, "source": ("db", 1)},
}
print(data["users"][0]["tags"][1], data["meta"]["source"][0])
devs = [u["name"] for u in data["users"] if "dev" in u["tags"]]
print(devs)
by_age = sorted(data["users"], key=lambda u: u["age"])
print([u["name"] for u in by_age])
index = {u["name"]: u for u in data["users"]}
index["bob"]["tags"].append("new")
print(data["users"][1])
grid = [[0] * 4 for _ in range(3)]
grid[1][2] = 5
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
import copy
deep = copy.deepcopy(data)
deep["users"][0]["name"] = "changed"
print(data["users"][0]["name"], deep["users"][0]["name"])
shallow = copy.copy(data["users"])
shallow.append(None)
print(len(data["users"]), len(shallow))
