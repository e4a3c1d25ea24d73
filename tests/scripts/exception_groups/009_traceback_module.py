# traceback.print_exception / format_exception draw groups the same way.
import sys
import traceback


def fail(n):
    raise ValueError(n)


def collect():
    errors = []
    for n in range(2):
        try:
            fail(n)
        except ValueError as e:
            errors.append(e)
    return ExceptionGroup("collected", errors)


try:
    raise collect()
except ExceptionGroup as eg:
    caught = eg

text = "".join(traceback.format_exception(caught))
print(text, end="")
print("----")
traceback.print_exception(caught, file=sys.stdout)
print("----")
print(traceback.format_exception_only(caught))
try:
    try:
        raise caught
    except* ValueError:
        raise TypeError("from handler")
except ExceptionGroup as eg2:
    traceback.print_exception(eg2, file=sys.stdout)
    print("----")
    traceback.print_exception(eg2, file=sys.stdout, chain=False)
