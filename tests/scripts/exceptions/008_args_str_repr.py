cases = [
    ValueError(), ValueError("one"), ValueError("one", "two"), ValueError(3),
    KeyError("k"), KeyError(), KeyError(1, 2), IndexError("i"),
    Exception("a", [1, 2]), RuntimeError(None), OSError(2, "No such file"),
    StopIteration(5), SystemExit(3),
]
for e in cases:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
print(StopIteration(5).value, SystemExit(3).code, SystemExit().code)
e = OSError(2, "No such file")
print(e.errno, e.strerror)
e = ValueError("x")
e.args = ("changed",)
print(e)
print(str(KeyError("with 'quote'")))
