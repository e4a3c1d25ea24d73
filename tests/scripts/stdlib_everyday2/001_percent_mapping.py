# printf-style formatting with a mapping (exact dict, dict subclass with
# __missing__, missing keys), %d of floats, and the index in the error for
# an unknown conversion (counted in characters, not bytes).
d = {"a": 1, "b": "x", 2: "two"}
print("%(a)s-%(b)r" % d)
try: "%(zz)s" % d
except KeyError as e: print("KeyError", e)
class D(dict):
    def __missing__(self, k): return "missing:" + k
print("%(a)s %(q)s" % D(a=1))
print("%03d|%d|%5.1f" % (3.9, -2.5, 1.25))
for bad in ("%d" % 0 + "%y", "é%y", "%(a)y"):
    try: print(bad % d if "(" in bad else bad % 1)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
try: "%d" % float("nan")
except ValueError as e: print(e)
try: "%d" % float("inf")
except OverflowError as e: print(e)
print("%x" % 255, "%(a)d%%" % {"a": 2.7})
print(b"%(a)s" % {b"a": b"z"})
