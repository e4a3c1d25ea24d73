def lookup(container, key):
    try:
        return container[key]
    except LookupError as e:
        return f"{type(e).__name__} caught as LookupError"
print(lookup({}, "x"))
print(lookup([], 3))
print(lookup("abc", 1))
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError:", type(e).__name__)
try:
    open("definitely_missing_file.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException got", type(e).__name__)
for exc in (ValueError("v"), TypeError("t"), KeyError("k")):
    try:
        raise exc
    except (TypeError, ValueError) as e:
        print("first handler", e)
    except Exception as e:
        print("second handler", repr(e))
