def count_up(n):
    print("start")
    for i in range(n):
        print("yield", i)
        yield i
    print("end")
g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g))
for v in g:
    print("loop got", v)
print(list(count_up(0)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def with_return():
    yield 1
    return "result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(g, "exhausted"))
