class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name + "-handle"
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError
async def main():
    async with Resource("r1") as h:
        print("inside", h)
    async with Resource("r2") as a, Resource("r3") as b:
        print("inside", a, b)
    async with Resource("r4"):
        raise KeyError("suppressed")
    print("after suppression")
    try:
        async with Resource("r5"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    return "ok"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("main returned", e.value)
