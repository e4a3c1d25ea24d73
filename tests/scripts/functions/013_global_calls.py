# Calls of global names while the globals and builtins they resolve to
# change: rebinding, shadowing a builtin and removing the shadow, deleting,
# and a global that is not callable.
import builtins

def double(x):
    return 2 * x

def call_all():
    return double(3), len("abcd"), abs(-2)

print(call_all())

def triple(x):
    return 3 * x

double = triple
print(call_all())

def len(x):
    return "shadowed"

print(call_all())
del len
print(call_all())

real_abs = builtins.abs
builtins.abs = lambda x: "patched"
print(call_all())
builtins.abs = real_abs
print(call_all())

del double
try:
    call_all()
except NameError as e:
    print("NameError:", e)

double = 5
try:
    call_all()
except TypeError as e:
    print("TypeError:", e)

def loop():
    total = 0
    for i in range(1000):
        total += max(i, 500)
    return total

print(loop())

# A module-level loop stores into the globals every round; functions it
# calls keep reading the current bindings of the globals they use.
class Box:
    def __init__(self, v):
        self.v = v

def make(i):
    return Box(i + offset).v

offset = 0
seen = []
for i in range(6):
    if i == 2:
        offset = 100               # rebinding: same entry, new value
    if i == 3:
        del Box                    # the entry goes away ...
        class Box:                 # ... and comes back elsewhere
            def __init__(self, v):
                self.v = -v
    if i == 4:
        for n in range(40):        # many new globals: the table is rebuilt
            globals()[f"filler{n}"] = n
    seen.append(make(i))
print(seen)

# One code object run against two globals dicts reads each dict's names.
code = compile("def get():\n    return which\n", "<shared>", "exec")
ns1, ns2 = {"which": 1}, {"filler": 0, "which": 2}
exec(code, ns1)
exec(code, ns2)
print(ns1["get"].__code__ is ns2["get"].__code__)
print(ns1["get"](), ns2["get"](), ns1["get"](), ns2["get"]())
