class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        value = yield f"suspend:{self.tag}"
        return f"resumed({self.tag}, {value})"
async def leaf(n):
    r = await Suspend(n)
    print("leaf got", r)
    return n * 10
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b
coro = middle()
step = 0
value = None
while True:
    try:
        yielded = coro.send(value)
    except StopIteration as e:
        print("finished with", e.value)
        break
    print("yielded", yielded)
    step += 1
    value = f"v{step}"
