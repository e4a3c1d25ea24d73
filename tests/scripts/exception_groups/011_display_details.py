import traceback, sys
def raiser(e):
    raise e
def caught(e):
    try:
        raiser(e)
    except BaseException as x:
        return x
v = caught(ValueError("multi\nline"))
v.add_note("note one")
v.add_note("two\nlines")
inner = caught(ExceptionGroup("inner", [caught(TypeError("t"))]))
s = caught(SyntaxError("bad", ("f.py", 1, 3, "x = $\n", 1, 4)))
eg = ExceptionGroup("top", [v, inner, s])
try:
    raise RuntimeError("outer") from eg
except RuntimeError as r:
    traceback.print_exception(r, file=sys.stdout)
    print("=====")
    traceback.print_exception(r, file=sys.stdout, limit=1)
print("=====")
try:
    try:
        raise eg
    except ExceptionGroup:
        raise KeyError("during")
except KeyError as k:
    traceback.print_exc(file=sys.stdout)
raise caught(BaseExceptionGroup("final", [caught(KeyboardInterrupt())]))
