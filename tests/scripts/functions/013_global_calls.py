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
