# Item conversion per typecode, with CPython's OverflowError messages.
import array


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for c in "bBhHiI":
    for v in [200, -200, 70000, -70000, 2**33, -2**33]:
        print(c, v, end=" ")
        t(array.array, c, [v])
for c in "bBhHiIlLqQ":
    for v in [-2**64, -1, 2**64, 2**70, "a", 1.5, None]:
        print(c, v, end=" ")
        t(array.array, c, [v])
for c in "fd":
    for v in ["a", None, 2**2000, 1, True]:
        print(c, type(v).__name__, end=" ")
        t(array.array, c, [v])
for v in ["ab", 1, "x", b"x", "\u00e9\u4e2d"]:
    print("u", repr(v), end=" ")
    t(array.array, "u", [v])
print(array.array("u", "\u00e9\u4e2d\U0001f600").tounicode(), len(array.array("u", "\U0001f600")))
