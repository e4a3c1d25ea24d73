# The traceback module: print_exc / format_exc / print_exception in both call
# forms, limit and chain, format_exception_only (SyntaxError block, notes),
# extract_tb / format_tb / format_list, sys.tracebacklimit, and format_exc in threads.
import sys
import traceback


def inner():
    raise ValueError("bad value")


def middle():
    inner()


def outer():
    try:
        middle()
    except ValueError as e:
        raise RuntimeError("wrapped") from e


try:
    outer()
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
    text = traceback.format_exc()
    print(text.count("\n"), text.splitlines()[-1])
    print("no chain:")
    traceback.print_exc(chain=False, file=sys.stdout)
    print("limit 1:")
    traceback.print_exc(limit=1, chain=False, file=sys.stdout)
    print("limit -1:")
    traceback.print_exc(limit=-1, chain=False, file=sys.stdout)
    e = sys.exc_info()[1]
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], lines[-1])
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)) == text)
    for fs in traceback.extract_tb(e.__cause__.__traceback__):
        print(fs.name, fs.lineno, fs.line, repr(fs)[:14])
    fn, ln, name, line = traceback.extract_tb(e.__traceback__)[-1]
    print(name, ln, line)
    print(traceback.format_tb(e.__traceback__))
    print(traceback.extract_tb(e.__cause__.__traceback__, limit=-2) == traceback.extract_tb(e.__cause__.__traceback__)[-2:])
    traceback.print_tb(e.__traceback__, file=sys.stdout)

print(traceback.format_exc(), end="")
traceback.print_exception(None, file=sys.stdout)
print(traceback.format_exception_only(KeyError("k")))
print(traceback.format_exception_only(None))
try:
    traceback.print_exception(5)
except TypeError as err:
    print("TypeError:", err)
try:
    traceback.format_exception(ValueError, ValueError("x"))
except ValueError as err:
    print("ValueError:", err)
try:
    compile("x = (1,", "<src>", "exec")
except SyntaxError:
    print("".join(traceback.format_exception_only(*sys.exc_info()[:2])), end="")
err = OSError(2, "No such file")
print(traceback.format_exception(err), traceback.format_exception(err, chain=False))
sys.tracebacklimit = 1
try:
    outer()
except RuntimeError:
    traceback.print_exc(file=sys.stdout, chain=False)
del sys.tracebacklimit
print(traceback.FrameSummary("f.py", 3, "g", line="x = 1") == ("f.py", 3, "g", "x = 1"))
print(traceback.format_list([("f.py", 3, "g", "x = 1"), ("h.py", 9, "k", None)]))
try:
    compile("x = (1,", "<src>", "exec")
except SyntaxError as se:
    print(traceback.format_exception_only(se))
    print(traceback.format_exception(se))
e2 = ValueError("with note")
e2.add_note("a note")
print(traceback.format_exception_only(e2))
def thrower():
    raise KeyError("deep")
def run_threads():
    import threading
    out = []
    def work():
        try:
            thrower()
        except KeyError:
            out.append(traceback.format_exc().splitlines()[-1])
    ts = [threading.Thread(target=work) for _ in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
    print(sorted(out))
run_threads()
