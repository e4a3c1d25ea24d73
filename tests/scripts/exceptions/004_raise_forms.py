def check(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)
check(lambda: (_ for _ in ()).throw(ValueError))
def r1(): raise ValueError
def r2(): raise ValueError("msg")
def r3(): raise ValueError("a", 2)
def r4(): raise KeyError("key")
def r5(): raise Exception()
check(r1); check(r2); check(r3); check(r4); check(r5)
def reraise():
    try:
        raise RuntimeError("orig")
    except RuntimeError:
        print("handling, re-raising")
        raise
check(reraise)
def bare_in_func():
    try:
        int("x")
    except ValueError as e:
        err = e
    raise err
check(bare_in_func)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class Custom(Exception):
    pass
check(lambda: (_ for _ in ()).throw(Custom("c")))
