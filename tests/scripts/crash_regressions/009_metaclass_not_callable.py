# A class statement whose metaclass is not a type (None, a number, a
# function) calls it as CPython does: not callable is TypeError (found by
# fuzz/diff_fuzz.py: gilt read None as a type object and crashed).
for meta in [None, 1, "text", lambda name, bases, ns: ("made", name, sorted(ns))]:
    try:
        class C(metaclass=meta):
            attr = 1
        print(type(meta).__name__, "->", C if isinstance(C, tuple) else type(C).__name__)
    except TypeError as e:
        print(type(meta).__name__, "-> TypeError", e)
try:
    class D(int, metaclass=None):
        pass
except TypeError as e:
    print("with a base -> TypeError", e)
