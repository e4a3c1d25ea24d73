# Slicing, assignment, +, *, comparisons, copying and pickling.
import array
import copy
import pickle


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = array.array("i", [7, 6, 4, 3, 2, 1])
b = array.array("i", [9, 8])
print(a + b, a * 2, 2 * a, array.array("i") * 3, a * -1)
t(lambda: a + array.array("d"))
t(lambda: a + [1])
a += array.array("i", [5])
print(a)
a *= 2
print(a)
t(lambda: a.__iadd__([1]))
print(a == array.array("i", list(a)), a != a, a < a + array.array("i", [1]))
print(array.array("i", [1]) == array.array("d", [1.0]), array.array("b", [1, 2]) < array.array("B", [1, 3]))
print(a == [1], array.array("i") == array.array("i"), array.array("i", [2]) > array.array("i", [1, 5]))
a[0] = 77
a[1:3] = array.array("i", [8, 9, 10])
print(a)
t(a.__setitem__, slice(0, 2), [1, 2])
t(a.__setitem__, slice(0, 2), array.array("d", [1.0]))
t(a.__setitem__, 0, "x")
t(a.__setitem__, 100, 1)
del a[0]
del a[::2]
print(a)
a[::2] = array.array("i", [0] * len(a[::2]))
print(a)
t(a.__setitem__, slice(None, None, 2), array.array("i", [1]))
del a[1:3]
print(a, a[::-2], a[10:], a[-2:])
t(a.__delitem__, 50)
print(pickle.loads(pickle.dumps(array.array("i", [1, 2]))), pickle.loads(pickle.dumps(array.array("u", "ab"), 2)))
print(copy.copy(a), copy.deepcopy(array.array("b", [1])), copy.copy(a) is not a)


class A(array.array):
    pass


x = A("i", [1])
print(x, type(x + A("i", [2])).__name__, isinstance(x, array.array), x[0:1])
