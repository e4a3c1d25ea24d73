def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2))
print(f(1, c=9, b=8))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
try:
    pos_only(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
def g(*args, sep="-"):
    return sep.join(args)
print(g("a", "b"), g("a", "b", sep="+"))
