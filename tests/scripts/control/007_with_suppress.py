class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressing", et.__name__, ev)
            return True
        return None
with Suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after suppress")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError passed through:", e)
def g():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            print(10 / (i - 1))
    return "done"
print(g())
