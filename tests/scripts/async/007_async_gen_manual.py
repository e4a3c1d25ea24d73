async def countdown(n):
    while n > 0:
        yield n
        n -= 1
async def collect():
    out = []
    async for v in countdown(4):
        out.append(v)
    return out
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(collect()))
ag = countdown(2)
print(type(ag).__name__)
async def step():
    a = await ag.__anext__()
    b = await ag.__anext__()
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        return a, b, "stop"
print(run(step()))
