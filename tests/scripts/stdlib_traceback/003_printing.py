# The print_* functions: their output stream, the file argument, and
# print_last with and without sys.last_type.
import io
import sys
import traceback


def boom():
    raise OSError(2, "missing")


try:
    boom()
except OSError as e:
    err = e
    buffer = io.StringIO()
    traceback.print_exc(file=buffer)
    print(buffer.getvalue() == traceback.format_exc())
    traceback.print_exc(limit=-1, file=sys.stdout)

traceback.print_exception(err, file=sys.stdout)
traceback.print_exception(type(err), err, err.__traceback__, limit=1, file=sys.stdout)
traceback.print_exception(None, None, None, file=sys.stdout)
traceback.print_tb(err.__traceback__, file=sys.stdout)
traceback.print_tb(err.__traceback__, limit=-1, file=sys.stdout)
traceback.print_list([("x.py", 1, "f", "pass")], file=sys.stdout)
print(traceback.format_tb(err.__traceback__, limit=1))
print([tuple(fs)[1:3] for fs in traceback.extract_tb(err.__traceback__)])
try:
    traceback.print_last()
except ValueError as e:
    print("ValueError", e)
sys.last_type, sys.last_value, sys.last_traceback = type(err), err, err.__traceback__
traceback.print_last(file=sys.stdout)
traceback.print_last(limit=0, file=sys.stdout, chain=False)
saved = sys.stderr
sys.stderr = io.StringIO()
traceback.print_last()
traceback.print_list([("y.py", 2, "g", None)])
captured = sys.stderr.getvalue()
sys.stderr = saved
print(captured.splitlines()[-1], captured.count("\n"))
