def f(*args, **kwargs):
    print(args, sorted(kwargs.items()))
f()
f(1, 2)
f(a=1, b=2)
f(1, *[2, 3], x=4, **{"y": 5})
def g(a, b=2, *rest, key=None, **extra):
    print(a, b, rest, key, extra)
g(1)
g(1, 3, 5, 7, key="k", z=26)
args = (10, 20)
kw = {"key": "K"}
g(*args, **kw)
def total(*nums):
    return sum(nums)
print(total(), total(1), total(*range(5)))
print(max(*[3, 9, 2]), "{}-{}".format(*"ab"))
def merge(**kw):
    return kw
print(merge(**{"a": 1}, b=2, **{"c": 3}))
