# derive() and subclasses that override __new__ and derive.
eg = ExceptionGroup("base", [ValueError(1), TypeError(2)])
d = eg.derive([KeyError(3)])
print(type(d).__name__, repr(d))
d = eg.derive([KeyboardInterrupt()])
print(type(d).__name__, repr(d))
print(repr(BaseExceptionGroup("b", [SystemExit()]).derive([ValueError()])))


class Errors(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def derive(self, excs):
        return Errors(self.message, excs, self.code)


e = Errors("mine", [ValueError(1), TypeError(2), Errors("sub", [ValueError(3)], 7)], 42)
print(repr(e), e.code, e.args)
m, r = e.split(ValueError)
print(type(m).__name__, m.code, repr(m))
print(type(r).__name__, r.code, repr(r))
print(type(m.exceptions[1]).__name__, m.exceptions[1].code)


class Plain(ExceptionGroup):
    pass


p = Plain("p", [ValueError(1), TypeError(2)])
m, r = p.split(ValueError)
print(type(p).__name__, type(m).__name__, type(r).__name__)
try:
    Plain("p", [KeyboardInterrupt()])
except TypeError as err:
    print("TypeError:", err)


class BasePlain(BaseExceptionGroup):
    pass


print(type(BasePlain("x", [ValueError()])).__name__)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


try:
    BadDerive("bad", [ValueError(), TypeError()]).split(ValueError)
except TypeError as err:
    print("TypeError:", err)


class WithStr(ExceptionGroup):
    def __str__(self):
        return "custom"


print(str(WithStr("w", [ValueError()])), repr(WithStr("w", [ValueError()])))
