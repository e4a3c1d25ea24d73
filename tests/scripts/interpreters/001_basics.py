# golden-python: 3.14
# concurrent.interpreters (PEP 734) is new in CPython 3.14, so python3 3.11
# cannot produce this expectation: the .out follows CPython 3.14's documented
# behaviour and was checked by hand, line by line.
# Creating, listing and closing interpreters; each has its own globals and
# its own sys.modules.
from concurrent import interpreters

main = interpreters.get_main()
print(main, main.id, main is interpreters.get_current())
print(main.is_running())
print(interpreters.list_all())

a = interpreters.create()
b = interpreters.create()
print(a, b, a.id < b.id)
print(interpreters.list_all() == [main, a, b])
print(a is interpreters.Interpreter(a.id), a.is_running())

# Each interpreter has its own __main__ namespace.
shared_name = "main's value"
a.exec("shared_name = 'a'\nimport json")
b.exec("print('b sees shared_name:', 'shared_name' in globals())")
a.exec("print('a sees', shared_name)")

# sys.modules is per interpreter: json was imported in a only.
import sys
sys.modules.pop("json", None)
a.exec("import sys; print('a has json:', 'json' in sys.modules)")
b.exec("import sys; print('b has json:', 'json' in sys.modules)")
print("main has json:", "json" in sys.modules)

# The current and main interpreter, seen from inside.
a.exec("""
from concurrent import interpreters
print('inside:', interpreters.get_current(), interpreters.get_main())
""")

# Errors: exec in the running main interpreter, closing the current one.
try:
    main.exec("x = 1")
except interpreters.InterpreterError as e:
    print(type(e).__name__)
try:
    main.close()
except interpreters.InterpreterError as e:
    print(type(e).__name__)

try:
    a.exec("interpreters.get_current().close()")
except interpreters.ExecutionFailed as e:
    print(e.excinfo.type.__name__, e.excinfo.msg)
a.close()
print(interpreters.list_all() == [main, b])
try:
    a.exec("x = 1")
except interpreters.InterpreterNotFoundError as e:
    print(type(e).__name__, issubclass(type(e), interpreters.InterpreterError))
b.close()
print(interpreters.list_all())
