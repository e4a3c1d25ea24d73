# sys._getframe: the attributes logging, warnings, traceback and typing read
# (f_code, f_lineno, f_back, f_globals, f_builtins, f_locals), the depth
# argument and its error, and frames that outlive their call.
import sys
import builtins


def inner(a, b=2):
    c = a + b
    return sys._getframe(), sys._getframe(1)


def outer():
    x = "outer local"
    return inner(1)


me, caller = outer()
print(type(me).__name__)
print(me.f_code.co_name, me.f_lineno, me.f_back.f_code.co_name, me.f_back.f_lineno)
print(caller.f_code.co_name, caller.f_back.f_code.co_name, caller.f_back.f_back)
print(me.f_locals == {"a": 1, "b": 2, "c": 3}, caller.f_locals["x"])
print(me.f_globals is globals(), me.f_builtins is builtins.__dict__)
print(sys._getframe().f_code.co_name, sys._getframe(0).f_back)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError", e)


def depth(n):
    if n == 0:
        f, count = sys._getframe(), 0
        while f is not None:
            count += 1
            f = f.f_back
        return count
    return depth(n - 1)


print(depth(10))
frames = [inner(i)[0] for i in range(3)]
print([f.f_locals["a"] for f in frames], [f.f_back.f_code.co_name for f in frames])
