# importlib.reload: the code runs again in the same module object (names it
# no longer sets survive, held functions see the new globals), the module
# must be in sys.modules, and non-modules are refused.
import importlib
import os
import sys
import types

import ipkg_counter

print(ipkg_counter.runs)
held = ipkg_counter.over_limit
ipkg_counter.extra = "kept"
ipkg_counter.LIMIT = 0
print(held())
again = importlib.reload(ipkg_counter)
print(again is ipkg_counter, ipkg_counter.runs, ipkg_counter.LIMIT, ipkg_counter.extra)
print(held())
importlib.reload(ipkg_counter)
importlib.reload(ipkg_counter)
print(ipkg_counter.runs, held())

# A source change is picked up.
name = "reload_target_tmp"
path = name + ".py"
with open(path, "w") as f:
    f.write("A = 1\n")
try:
    mod = importlib.import_module(name)
    print(mod.A)
    with open(path, "w") as f:
        f.write("A = 2\nB = 'new'\n")
    print(importlib.reload(mod).A, mod.B)
    with open(path, "w") as f:
        f.write("raise ValueError('broken on reload')\n")
    try:
        importlib.reload(mod)
    except ValueError as e:
        print("ValueError", e, sys.modules[name] is mod, mod.A)
finally:
    os.remove(path)


def attempt(arg):
    try:
        print("ok", importlib.reload(arg).__name__)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "name", "-"))


attempt(5)
attempt(None)
attempt(types.ModuleType("never_imported"))
orphan = types.ModuleType("gone_parent.child")
sys.modules["gone_parent.child"] = orphan
attempt(orphan)
print(importlib.reload(sys) is sys)
import ipkg.leaf
ipkg.leaf.VALUE = 0
print(importlib.reload(ipkg.leaf).VALUE)
import heapq
import json
import math
print(importlib.reload(json) is json, json.dumps({"a": [1]}))
print(importlib.reload(math) is math, importlib.reload(heapq) is heapq, heapq.nsmallest(2, [3, 1, 2]))
