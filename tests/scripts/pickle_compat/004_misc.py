# Assorted objects whose pickles must equal CPython's: object(), OSError with
# a filename, Python 2 names of exceptions, slots with a __dict__, ints at the edges.
import pickle
print(pickle.dumps(object(), 2), pickle.dumps(object(), 0))
e = OSError(2, "No such file", "x.txt")
print(pickle.dumps(e, 4))
b = pickle.loads(pickle.dumps(e))
print(type(b).__name__, b.errno, b.strerror, b.filename)
print(pickle.dumps(FileNotFoundError(2, "nf"), 2))
class Both:
    __slots__ = ("a", "__dict__")
x = Both(); x.a = 1; x.b = 2
print(pickle.dumps(x, 2))
y = pickle.loads(pickle.dumps(x, 2)); print(y.a, y.b)
print(pickle.dumps(StopIteration(3), 4))
print(pickle.dumps([True, False, None, 1.0, -7], 0))
print(pickle.dumps(("a", "a"), 1))
print(pickle.dumps(KeyError("k"), 2))
print(pickle.dumps({"a": (1, 2)}, 3))
import sys
print(pickle.dumps(sys.maxsize, 3), pickle.dumps(-sys.maxsize, 2))
print(pickle.dumps(2**64, 2), pickle.dumps(-256, 2), pickle.dumps(-255, 2), pickle.dumps(255, 3), pickle.dumps(-2**2100, 2)[:10])
