# lru_cache: eviction order, hit/miss counts, typed keys, keyword keys,
# cache_parameters and the decorator's argument checks.
from functools import lru_cache, cache

log = []


@lru_cache(maxsize=3)
def ident(x):
    log.append(x)
    return x


for v in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    ident(v)
print(log, ident.cache_info())
print(ident.cache_parameters())
ident.cache_clear()
print(ident.cache_info())


@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed.cache_info())


@lru_cache
def untyped(x):
    return type(x).__name__


print(untyped(1), untyped(1.0), untyped.cache_info(), untyped.cache_parameters())


@lru_cache(maxsize=0)
def never(x):
    return x * 2


print(never(1), never(1), never.cache_info())


@lru_cache(maxsize=-5)
def neg(x):
    return x


neg(1)
neg(1)
print(neg.cache_info())


@cache
def kw(a, b=0, *, c=0):
    log.append((a, b, c))
    return a + b + c


log.clear()
print(kw(1), kw(1, 2), kw(1, b=2), kw(a=1, b=2), kw(b=2, a=1), kw(1, c=3), kw(1, 2))
print(log, kw.cache_info())
print(kw.__name__, kw.__wrapped__(5), kw.cache_parameters())

for bad in ("x", 1.5):
    try:
        lru_cache(bad)
    except TypeError as e:
        print("TypeError:", e)

try:
    kw([1])
except TypeError as e:
    print("TypeError:", e)


# A recursive call that fills the same key does not duplicate the entry.
@lru_cache(maxsize=2)
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)


print(fact(10), fact.cache_info())


class Point:
    def __init__(self, x):
        self.x = x

    @lru_cache(maxsize=None)
    def double(self):
        return self.x * 2


p = Point(4)
print(p.double(), p.double(), Point.double.cache_info())
