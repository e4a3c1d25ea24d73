# Native recursion (repr, str, comparison, json, copy, pickle) shares the
# recursion limit with Python frames, as in CPython 3.11: a structure that
# shares its halves (x = [x, x], 10,000 deep) raises RecursionError at once
# instead of being walked for 2**10000 steps (found by fuzz/diff_fuzz.py as
# a hang).
import copy
import json
import pickle
import sys

x = 1
for _ in range(10000):
    x = [x, x]
d = 1
for _ in range(10000):
    d = {"k": d, "j": d}

checks = [
    ("str", lambda v: str(v)),
    ("repr", lambda v: repr(v)),
    ("format", lambda v: f"{v}"),
    ("json.dumps", lambda v: json.dumps(v)),
    ("deepcopy", lambda v: copy.deepcopy(v)),
    ("pickle.dumps", lambda v: pickle.dumps(v)),
    ("equal copies", lambda v: v == copy.copy(v)),
    ("less", lambda v: v < copy.copy(v)),
]
for name, check in checks:
    for label, value in [("list", x), ("dict", d)]:
        try:
            result = check(value)
            print(name, label, "->", type(result).__name__)
        except RecursionError:
            print(name, label, "-> RecursionError")
        except TypeError as e:
            print(name, label, "-> TypeError", e)


class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self):
        return "Node(" + repr(self.child) + ")"


n = None
for _ in range(5000):
    n = Node(n)
try:
    repr(n)
except RecursionError:
    print("Node repr -> RecursionError")
deep = 1
for _ in range(60):
    deep = [deep]
sys.setrecursionlimit(50)
try:
    repr(deep)
except RecursionError:
    print("a low limit applies to repr")
sys.setrecursionlimit(1000)
print(repr([[[1]]]))
