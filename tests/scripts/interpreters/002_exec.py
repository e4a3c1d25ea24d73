# golden-python: 3.14
# concurrent.interpreters (PEP 734) is new in CPython 3.14, so python3 3.11
# cannot produce this expectation: the .out follows CPython 3.14's documented
# behaviour and was checked by hand, line by line.
# Interpreter.exec: state persists between calls, an uncaught exception
# becomes ExecutionFailed with a snapshot of it, prepare_main binds copies.
from concurrent import interpreters

interp = interpreters.create()
interp.exec("total = sum(range(10))")
interp.exec("total *= 2\nprint('total', total)")

try:
    interp.exec("1 / 0")
except interpreters.ExecutionFailed as e:
    info = e.excinfo
    print(type(e).__name__, isinstance(e, interpreters.InterpreterError))
    print(info.type.__name__, info.type.__module__, repr(info.msg))
    print(e.args[0])

class Local(Exception):
    pass

try:
    interp.exec("class Custom(Exception): pass\nraise Custom('from inside', 7)")
except interpreters.ExecutionFailed as e:
    print(e.excinfo.type.__name__, e.excinfo.msg)

# The interpreter is still usable after a failure.
interp.exec("print('after failures, total =', total)")

# prepare_main binds copies of the given objects.
data = (1, 2.5, "three", b"four", None, True, -(2 ** 40), ("nested", (1,)))
interp.prepare_main(data=data, n=3)
interp.exec("print(data[:4], data[4:7], data[7], n)")
items = [1, 2]
interp.prepare_main({"items": items})
interp.exec("items.append(3); print('inside', items)")
print("outside", items)

try:
    interp.exec(42)
except TypeError as e:
    print("TypeError")

def body():
    greeting = "hello from a function body"
    print(greeting, total)

interp.exec(body)
interp.close()
