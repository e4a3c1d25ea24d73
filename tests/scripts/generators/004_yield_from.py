def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "o1"
    return "outer-done"
g = outer()
print(next(g))
print(g.send("sent-value"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3))))
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4], 5], [[6]]])))
def delegating():
    try:
        yield from inner_catch()
    finally:
        print("delegating finally")
def inner_catch():
    try:
        yield 1
    except ValueError:
        yield "inner caught"
d = delegating()
next(d)
print(d.throw(ValueError))
d.close()
