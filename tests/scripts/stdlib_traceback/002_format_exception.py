# format_exception and format_exception_only: the items of the list (one
# per entry, sentence, location line and note line), chains, limits, the
# old (type, value, tb) form, and the argument errors.
import sys
import traceback


def fail(message):
    raise ValueError(message)


def wrap():
    try:
        fail("inner")
    except ValueError as e:
        raise KeyError("outer") from e


def during():
    try:
        fail("first")
    except ValueError:
        fail("second")


def caught(func, *args):
    try:
        func(*args)
    except BaseException as e:
        return e


e = caught(wrap)
items = traceback.format_exception(e)
for item in items:
    print(repr(item))
print(traceback.format_exception(e, chain=False)[-1], end="")
print(len(traceback.format_exception(e, limit=1)), len(traceback.format_exception(e, limit=-1)))
print(traceback.format_exception(e, limit=0))
print(traceback.format_exception(type(e), e, None))
print(traceback.format_exception(type(e), e, e.__cause__.__traceback__, chain=False))
d = caught(during)
print([item.split(",")[0] for item in traceback.format_exception(d)])
s = caught(during)
s.__suppress_context__ = True
print(traceback.format_exception(s, limit=0))
a, b = ValueError("a"), ValueError("b")
a.__context__, b.__context__ = b, a
print(traceback.format_exception(a))
print(traceback.format_exception(ValueError("two\nlines")))
n = ValueError("noted")
n.add_note("first note")
n.add_note("two\nlines")
print(traceback.format_exception_only(n))
print(traceback.format_exception_only(ValueError, ValueError("pair")))
print(traceback.format_exception_only(ValueError, None), traceback.format_exception(None))
print(traceback.format_exception_only(ValueError()), traceback.format_exception_only(ValueError(None)))


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no")


class Local(Exception):
    pass


Local.__module__ = "pkg.mod"
print(traceback.format_exception_only(Unprintable()), traceback.format_exception_only(Local("x")))
se = caught(compile, "x = (1,\n", "<src>", "exec")
print(traceback.format_exception_only(se))
print(traceback.format_exception(se))
for args in [(5,), (ValueError, ValueError("x")), (None, None)]:
    try:
        traceback.format_exception(*args)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
sys.tracebacklimit = 1
print(len(traceback.format_exception(e, chain=False)))
sys.tracebacklimit = -3
print(traceback.format_exception(e, chain=False))
del sys.tracebacklimit
