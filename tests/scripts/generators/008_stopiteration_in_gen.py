def bad():
    yield 1
    raise StopIteration("inside")
try:
    print(list(bad()))
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__)
def uses_next():
    it = iter([1, 2])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return
print(list(uses_next()))
it = iter([])
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
print(next(iter([]), None))
