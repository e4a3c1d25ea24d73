# Shared by the stdlib_datetime scripts (not a test itself): short names
# for the types, a few values, and show(expr), which prints what an
# expression evaluates to, or the exception it raises, evaluated in the
# namespace of the script that calls it.
import datetime as d
import sys

T = d.time; DT = d.datetime; td = d.timedelta; utc = d.timezone.utc; D = d.date
tz1 = d.timezone(td(hours=1))
a = DT(2020, 1, 1, 12); b = DT(2020, 1, 1, 12, tzinfo=utc)


def show(expr):
    namespace = sys._getframe(1).f_globals
    try:
        print(expr, '->', repr(eval(expr, namespace)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
