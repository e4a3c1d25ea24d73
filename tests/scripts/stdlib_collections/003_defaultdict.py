from collections import defaultdict
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd), dd["missing"], sorted(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 5
print(nested["x"]["y"], dict(nested["x"]))
s = defaultdict(set)
s[1].add("a"); s[1].add("a"); s[2].add("b")
print({k: sorted(v) for k, v in s.items()})
plain = defaultdict()
try:
    plain["k"]
except KeyError as e:
    print("KeyError:", e)
print(dd.default_factory is list, isinstance(dd, dict), dd.get("zz"), "zz" in dd)
