class Future:
    def __init__(self):
        self.done = False
        self.result = None
    def set(self, v):
        self.done = True
        self.result = v
    def __await__(self):
        while not self.done:
            yield self
        return self.result
async def consumer(fut):
    print("waiting")
    v = await fut
    print("got", v)
    return v * 2
fut = Future()
c = consumer(fut)
print(c.send(None) is fut)
print(c.send(None) is fut)
fut.set(21)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
async def thrower():
    try:
        await Future()
    except KeyError as e:
        print("coroutine caught", repr(e))
        return "handled"
t = thrower()
t.send(None)
try:
    t.throw(KeyError("injected"))
except StopIteration as e:
    print(e.value)
print(type(consumer).__name__, type(c).__name__)
