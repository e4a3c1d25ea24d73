def f(a, b=1):
    """Docstring here."""
    return a + b
print(f.__name__, f.__doc__, f.__defaults__)
g = f
print(g(1), g is f, callable(f))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(sorted(ops), ops["mul"](3, 4))
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 8, 1), apply(len, "four"))
def nodoc(): pass
print(nodoc.__doc__)
f.custom = "attribute"
print(f.custom)
print(type(f).__name__, type(len).__name__ in ("builtin_function_or_method",))
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__)
