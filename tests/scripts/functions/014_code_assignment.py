# Assigning a function's __code__: CPython's checks, and frames of the old code
# (running, or in a suspended generator) finish with the code they started.
def f():
    return "f"
def g():
    return "g"
print(f(), g())
f.__code__ = g.__code__
print(f(), f.__name__, f.__code__ is g.__code__)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
inc = counter()
for bad in [1, None]:
    try:
        f.__code__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del f.__code__
except TypeError as e:
    print("TypeError:", e)
try:
    f.__code__ = inc.__code__
except ValueError as e:
    print("ValueError:", e)
try:
    inc.__code__ = g.__code__
except ValueError as e:
    print("ValueError:", e)
# A function that replaces its own code while it runs finishes the old code.
def selfswap():
    selfswap.__code__ = g.__code__
    x = [i * 2 for i in range(3)]
    return "old code finished", x
print(selfswap(), selfswap())
# A suspended generator keeps running the code it started with.
def gen():
    yield 1
    yield 2
it = gen()
print(next(it))
gen.__code__ = (lambda: (yield "new")).__code__
print(next(it), list(gen()))
import gc; gc.collect()
print(next(it, "done"))
