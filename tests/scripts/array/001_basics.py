# array.array construction, repr, items, attributes.
import array


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = array.array("i", [1, 2, 3])
print(a, repr(array.array("d")), array.array("u", "hi"), array.array("f", [1.5]), array.array("b", b"ab"))
print(a.typecode, a.itemsize, len(a), a[0], a[-1], a[1:], a[::-1], a[::2])
print(array.typecodes, array.ArrayType is array.array, type(a).__name__, type(a).__module__)
for code in array.typecodes:
    print(code, array.array(code).itemsize, end="; ")
print()
print(array.array("l", range(3)), array.array("q", (x for x in range(2))))
print(array.array("I", [2**32 - 1]), array.array("Q", [2**64 - 1]), array.array("L", [2**64 - 1]))
print(array.array("f", [0.1])[0], array.array("d", [0.1]), array.array("h", b"abcd"))
print(array.array("d", array.array("i", [1, 2])), list(iter(array.array("i", [4, 5]))))
print(5 in array.array("i", [5]), 42 in array.array("i", [5]), bool(array.array("b")))
t(array.array, "z")
t(array.array, "zz")
t(array.array, 1)
t(array.array)
t(array.array, "b", 5)
t(array.array, "b", "abc")
t(array.array, "h", b"abc")
t(array.array, "u", array.array("i", [1, 2]))
t(array.array, "i", array.array("u", "ab"))
t(lambda: a[3])
t(lambda: a["x"])
t(hash, a)
