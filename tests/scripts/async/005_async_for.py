class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def agen(n):
    for i in range(n):
        yield i * 100
async def main():
    async for t in Ticker(3):
        print("tick", t)
    async for v in agen(3):
        print("agen", v)
    print([x async for x in Ticker(4)])
    print([x async for x in agen(5) if x > 100])
    async for t in Ticker(5):
        if t == 2:
            break
    else:
        print("not printed")
    return "done"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
