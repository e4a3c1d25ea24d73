import warnings


async def coro():
    pass


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    coro()
    print(len(caught), caught[0].category.__name__, str(caught[0].message))
    print(caught[0].filename == __file__, caught[0].lineno)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    coro()
    print("ignored")

# an awaited or closed coroutine does not warn
c = coro()
try:
    c.send(None)
except StopIteration:
    print("ran")
del c
c = coro()
c.close()
del c


def gen():
    yield 1


gen()
print("generators do not warn")
