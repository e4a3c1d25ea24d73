# split() and subgroup() by type, tuple of types and predicate, on nested groups.
def show(label, value):
    print(label, repr(value))


eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("inner", [ValueError(3), OSError(4)]),
    ExceptionGroup("only-type", [TypeError(5)]),
])

m, r = eg.split(ValueError)
show("match", m)
show("rest", r)
m, r = eg.split((TypeError, OSError))
show("match", m)
show("rest", r)
m, r = eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)
show("match", m)
show("rest", r)
show("subgroup", eg.subgroup(OSError))
show("subgroup", eg.subgroup(KeyError))
show("split", eg.split(KeyError))
show("split", eg.split(Exception))
print(eg.split(Exception)[0] is eg, eg.subgroup(lambda e: True) is eg)
show("subgroup group type", eg.subgroup(ExceptionGroup))

seen = []
def spy(e):
    seen.append(type(e).__name__)
    return False
eg.subgroup(spy)
print(seen)

for bad in [1, "x", (ValueError, 1), [ValueError], int]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)

# Leaves keep their identity; groups are rebuilt.
m, r = eg.split(TypeError)
print(m.exceptions[0] is eg.exceptions[1], m is not eg)
print(type(eg.subgroup(ValueError)).__name__)

# A BaseExceptionGroup whose matching part holds only Exceptions becomes an ExceptionGroup.
beg = BaseExceptionGroup("mixed", [ValueError(1), KeyboardInterrupt()])
m, r = beg.split(ValueError)
print(type(beg).__name__, type(m).__name__, type(r).__name__)
show("match", m)
show("rest", r)

def raises(e):
    raise RuntimeError("boom")
try:
    eg.split(raises)
except RuntimeError as e:
    print("RuntimeError:", e)
