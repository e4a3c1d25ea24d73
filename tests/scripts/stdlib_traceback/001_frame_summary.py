# traceback.FrameSummary and StackSummary built by hand: the tuple protocol,
# equality, source lookup through linecache, locals, and the formatting of
# entries (repeated entries are counted, not repeated).
import traceback

F = traceback.FrameSummary
f = F("f.py", 3, "g", line="   x = 1  ")
print(repr(f), repr(f.line), len(f), list(f), f[0], f[-1], f[1:3])
print(f == ("f.py", 3, "g", "x = 1"), f == ("f.py", 3, "g", "x"), f != ("f.py",))
print(f == F("f.py", 3, "g", line="other"), f == F("f.py", 4, "g"), f == 5)
print(f.__hash__ is None, f.end_lineno, f.colno, f.end_colno, f.locals)
print(repr(F("no_such_file.py", 3, "g").line), repr(F("no_such_file.py", None, "g").line))
print(repr(F(__file__, 1, "m").line))
print(repr(F(__file__, 2, "m", lookup_line=False).line))
g = F("f.py", 1, "g", locals={"b": [1, 2], "a": "s"}, line="x")
print(g.locals, F("f.py", 1, "g", locals={}).locals)
print(g == F("f.py", 1, "g", line="x"))
print(traceback.format_list([g]))
h = F("f.py", 5, "g", line="y", end_lineno=6, colno=1, end_colno=4)
print(h.end_lineno, h.colno, h.end_colno)

S = traceback.StackSummary
print(S.from_list([]), type(S.from_list([])).__name__, S.from_list([]).format())
s = S.from_list([("a.py", 1, "f", "x"), f, ("b.py", 2, "h", None), ("c.py", 3, "k", "")])
print(type(s[0]).__name__, s[1] is f, s.format())
print(s.format_frame_summary(s[0]), end="")
for count in (3, 4, 5, 8):
    print(S.from_list([("r.py", 7, "rec", "rec()")] * count).format())
mixed = [("r.py", 7, "rec", "a")] * 5 + [("r.py", 8, "rec", "b")] + [F("r.py", 7, "rec", line=str(i)) for i in range(4)]
print(traceback.format_list(mixed))
try:
    S.from_list([("a.py", 1)])
except ValueError as e:
    print("ValueError", e)
