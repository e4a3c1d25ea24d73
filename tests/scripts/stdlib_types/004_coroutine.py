# types.coroutine keeps generator functions usable and rejects non-callables.
import types


@types.coroutine
def step(value):
    got = yield value
    return got * 2


g = step(5)
print(g.send(None))
try:
    g.send(21)
except StopIteration as exc:
    print("StopIteration", exc.value)

for bad in (1, None, "x"):
    try:
        types.coroutine(bad)
    except TypeError as exc:
        print("TypeError", exc)
