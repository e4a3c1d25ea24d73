async def add(a, b):
    return a + b
coro = add(2, 3)
print(type(coro).__name__)
try:
    coro.send(None)
except StopIteration as e:
    print("result", e.value)
async def nothing():
    pass
c = nothing()
try:
    c.send(None)
except StopIteration as e:
    print("none result", e.value)
c2 = add(1, 1)
c2.close()
print("closed without running")
async def raiser():
    raise ValueError("from coroutine")
try:
    raiser().send(None)
except ValueError as e:
    print("ValueError:", e)
