def gen():
    yield 1
    yield 2
g = gen()
print(g.__name__)
print(list(zip(g, "ab")))
g = gen()
it = iter(g)
print(it is g)
def lazy():
    print("body starts only on first next")
    yield "v"
l = lazy()
print("created")
print(next(l))
def recursive_gen(n):
    if n > 0:
        yield n
        yield from recursive_gen(n - 1)
print(list(recursive_gen(5)))
def gen_in_gen():
    try:
        yield 1
    finally:
        print("finally when exhausted")
for v in gen_in_gen():
    print("v", v)
def running():
    g = yield
    yield g
r = running()
next(r)
print(r.send("self"))
