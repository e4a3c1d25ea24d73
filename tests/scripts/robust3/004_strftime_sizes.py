# strftime sizes its buffer as CPython's time.strftime does: it grows while
# the text does not fit, up to 256 bytes per byte of format, where the
# answer is '' (a '%1000000Y' is not a million digits); long results of
# many directives are whole, however long. A NUL is ValueError for
# time.strftime and ends the format for the datetime types; a lone
# surrogate is the UTF-8 codec's error for them.
import datetime
import time

t = (2020, 1, 2, 3, 4, 5, 3, 2, 0)
d = datetime.datetime(2020, 1, 2, 3, 4, 5, 6)
calls = [
    ("time", lambda f: time.strftime(f, t)),
    ("datetime", lambda f: d.strftime(f)),
    ("date", lambda f: d.date().strftime(f)),
    ("time of day", lambda f: d.time().strftime(f)),
    ("format()", lambda f: format(d, f)),
]
formats = ["%1000000Y", "%2000Y", "%10Y", "%Y-%m-%d", "", "%", "x%", "%E", "a\0b", "%Y\0%m",
           "\0", "é%Y", "\udcff%Y", "%c" * 100000, "%Y" * 300000, "%f%z%Z", "%%f %%z"]
for fmt in formats:
    for name, call in calls:
        try:
            r = call(fmt)
            print(repr(fmt[:10]), name, len(r), repr(r[:24]), repr(r[-8:]))
        except Exception as e:
            print(repr(fmt[:10]), name, type(e).__name__, e)
