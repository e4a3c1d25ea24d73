class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Both({self.v!r})"
    def __str__(self):
        return f"<{self.v}>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
b = Both("x")
print(b, str(b), repr(b))
print([b, b], (b,), {"k": b})
print(f"{b} {b!r} {b!s}")
r = ReprOnly()
print(r, str(r), [r])
print("%s and %r" % (b, b))
class Plain:
    pass
s = repr(Plain())
print(s.startswith("<__main__.Plain object at 0x"), s.endswith(">"))
print(str(Plain) == "<class '__main__.Plain'>")
print(repr(int), repr(str), repr(type))
