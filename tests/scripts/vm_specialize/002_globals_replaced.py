# LOAD_GLOBAL sites warmed on one binding must see a new one: a global
# rebound, a global shadowing a builtin and removed again, a builtin
# replaced through the builtins module, and functions sharing globals.
import builtins


def use_len(x):
    return len(x)


def use_g():
    return G


G = 1
print([use_g() for _ in range(5)])
G = "two"
print([use_g() for _ in range(3)])
globals()["G"] = 3.0
print(use_g())
del G
try:
    use_g()
except NameError as e:
    print("NameError:", e)
G = [4]
print(use_g())

print([use_len("abc") for _ in range(5)])


def len(x):  # noqa: F811, shadows the builtin
    return "shadowed"


print(use_len("abc"))
del len
print(use_len("abcd"))

original = builtins.len
builtins.len = lambda x: "patched builtin"
try:
    print(use_len("abc"))
finally:
    builtins.len = original
print(use_len("abcde"))


# A builtin removed altogether after warm-up.
def use_abs(x):
    return abs(x)


print([use_abs(-i) for i in range(5)])
saved = builtins.abs
del builtins.abs
try:
    use_abs(-1)
except NameError as e:
    print("NameError:", e)
finally:
    builtins.abs = saved
print(use_abs(-9))


# The same code run against different globals.
src = "def f():\n    return X\n"
ns1 = {"X": 1}
ns2 = {"X": 2}
exec(src, ns1)
exec(src, ns2)
print([ns1["f"]() for _ in range(4)], [ns2["f"]() for _ in range(4)])
ns1["X"] = 10
print(ns1["f"](), ns2["f"]())


# A global called in a loop, rebound inside the loop.
def step(i):
    return i


def other(i):
    return -i


out = []
for i in range(8):
    out.append(step(i))
    if i == 3:
        step = other
print(out)
