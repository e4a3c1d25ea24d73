# ExceptionGroup / BaseExceptionGroup construction rules and messages.
def attempt(*args, **kw):
    cls = kw.pop("cls", BaseExceptionGroup)
    try:
        eg = cls(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print(type(eg).__name__, repr(eg))


attempt("a")
attempt("a", [], 1)
attempt(1, [ValueError()])
attempt("a", 5)
attempt("a", [])
attempt("a", [1])
attempt("a", [ValueError(), "x"])
attempt("a", (x for x in [ValueError()]))
attempt("a", {ValueError(): 1})
attempt("a", [ValueError()], cls=ExceptionGroup, x=1)
attempt("a", [KeyboardInterrupt()], cls=ExceptionGroup)
attempt("a", [ValueError(1), TypeError(2)])
attempt("a", [ValueError(1), KeyboardInterrupt()])
attempt("a", (ValueError(1),), cls=ExceptionGroup)
attempt("nested", [ExceptionGroup("in", [ValueError(1)])])
attempt("nested", [BaseExceptionGroup("in", [SystemExit(1)])], cls=ExceptionGroup)

print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, ExceptionGroup.__base__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(BaseExceptionGroup.__doc__)
print(ExceptionGroup[int], BaseExceptionGroup[ValueError])

eg = ExceptionGroup("msg", [ValueError(1), TypeError("t")])
print(str(eg))
print(repr(eg))
print(eg.message, eg.exceptions, type(eg.exceptions).__name__)
print(eg.args)
print(str(ExceptionGroup("one", [ValueError()])))
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
lst = [ValueError(1)]
eg2 = ExceptionGroup("m", lst)
print(eg2.args[1] is lst, eg2.exceptions == (lst[0],))
lst.append(TypeError())
print(len(eg2.exceptions))
try:
    eg.message = "other"
except AttributeError as e:
    print("AttributeError")
try:
    eg.exceptions = ()
except AttributeError as e:
    print("AttributeError")
try:
    raise eg
except ExceptionGroup as caught:
    print("caught", caught is eg)
try:
    raise BaseExceptionGroup("b", [KeyboardInterrupt()])
except Exception:
    print("wrong")
except BaseExceptionGroup as caught:
    print("caught base", type(caught).__name__)
