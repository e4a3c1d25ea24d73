class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Outer:
    class Inner:
        pass

    def method(self):
        return "method"


def helper():
    return "helped"


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __repr__(self):
        return "Slotted(%r, %r)" % (self.a, self.b)


class Stateful:
    def __init__(self, v):
        self.v = v

    def __getstate__(self):
        return {"v": self.v, "extra": "saved"}

    def __setstate__(self, state):
        self.v = state["v"] * 100
        self.extra = state["extra"]

    def __repr__(self):
        return "Stateful(%r, %r)" % (self.v, self.extra)


class WithNewArgs:
    def __new__(cls, n):
        obj = object.__new__(cls)
        obj.n = n
        return obj

    def __getnewargs__(self):
        return (self.n,)

    def __repr__(self):
        return "WithNewArgs(%r)" % self.n


class KwOnly:
    def __new__(cls, a, *, b):
        obj = object.__new__(cls)
        obj.a, obj.b = a, b
        return obj

    def __getnewargs_ex__(self):
        return (self.a,), {"b": self.b}

    def __repr__(self):
        return "KwOnly(%r, b=%r)" % (self.a, self.b)


class Reduced:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reduced, (self.v + 1,))

    def __repr__(self):
        return "Reduced(%r)" % self.v


class ReducedEx:
    def __init__(self, v):
        self.v = v

    def __reduce_ex__(self, proto):
        return (ReducedEx, (self.v * 10 + proto,))

    def __repr__(self):
        return "ReducedEx(%r)" % self.v


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MySet(set):
    pass


class CustomError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
