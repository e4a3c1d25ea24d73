# exec()/eval() with a __builtins__ that is neither a dict nor a module:
# a name missing from the globals is looked up by subscripting it, so None
# and 1 raise TypeError and a mapping answers (found by fuzz/diff_fuzz.py:
# the eval loop read such a value as a dict and crashed).
class Mapping:
    def __getitem__(self, key):
        if key == "missing":
            raise KeyError(key)
        return "mapped " + key


for builtins in [None, 1, [], "text", Mapping()]:
    for source in ["y = x", "y = len", "y = missing", "y = 1", "def f(): return 2\ny = f()"]:
        g = {"__builtins__": builtins}
        try:
            exec(source, g)
            print(type(builtins).__name__, repr(source), "->", g.get("y"))
        except Exception as e:
            print(type(builtins).__name__, repr(source), "->", type(e).__name__, e)
    try:
        print(eval("x", {"__builtins__": builtins}))
    except Exception as e:
        print("eval", type(e).__name__, e)
print(eval("len([1, 2])", {"__builtins__": __builtins__}))
print(eval("len([1])", {"__builtins__": {"len": lambda v: 42}}))
