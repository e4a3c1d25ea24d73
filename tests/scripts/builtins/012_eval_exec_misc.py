print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
ns = {}
exec("y = 5\ndef f(a):\n    return a + y\n", ns)
print(ns["y"], ns["f"](10))
code = "total = 0\nfor i in range(5):\n    total += i\n"
g = {}
exec(code, g)
print(g["total"])
print(isinstance(globals(), dict), "__name__" in globals())
def f():
    local_var = 1
    return sorted(locals())
print(f())
print(callable(eval), callable(exec))
