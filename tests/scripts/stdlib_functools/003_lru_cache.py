from functools import lru_cache, cache
calls = 0
@lru_cache(maxsize=None)
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), calls)
print(fib(80), calls)
info = fib.cache_info()
print(info.hits, info.misses, info.currsize)
fib.cache_clear()
print(fib.cache_info().currsize)
@lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x
for v in [1, 2, 1, 3, 1, 2]:
    sq(v)
print(sq.cache_info())
@cache
def slow(a, b=1):
    print("slow", a, b)
    return a + b
print(slow(1), slow(1), slow(1, b=2), slow(1, b=2))
